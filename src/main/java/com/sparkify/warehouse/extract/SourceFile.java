package com.sparkify.warehouse.extract;

import java.io.Serializable;

/** A file found under an input path, with its size in bytes. */
public record SourceFile(String path, long length) implements Serializable {}
