package com.sparkify.warehouse.extract;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Streams the non-blank lines of a list of files as {@link RawRecords#SCHEMA} rows, one file open
 * at a time. Lines are split on '\n' as bytes and decoded strictly, so invalid UTF-8 is reported
 * instead of being replaced unnoticed; a file that yields no record is reported once as empty.
 */
final class LineIterator implements Iterator<Row> {

  static final String INVALID_UTF8 = "invalid_utf8";
  static final String RECORD_TOO_LARGE = "record_too_large";
  static final String EMPTY_FILE = "empty_file";
  static final String FILE_MISSING = "file_missing";

  /** How much of an oversized line the quarantine keeps. */
  private static final int KEPT_PREFIX_BYTES = 4096;

  private final FilePrefetcher files;
  private final int maxRecordBytes;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
  private final byte[] buffer = new byte[1 << 16];
  private int bufferStart;
  private int bufferEnd;

  private InputStream current;
  private String currentPath;
  private long lineNumber;
  private long recordsInFile;
  private Row next;

  LineIterator(List<SourceFile> files, Configuration hadoop, int maxRecordBytes) {
    this.files = new FilePrefetcher(files, hadoop);
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (current == null && !openNextFile()) {
          return false;
        }
        if (current != null) {
          next = readRecord();
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + currentPath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private boolean openNextFile() throws IOException {
    if (!files.hasNext()) {
      return false;
    }
    currentPath = files.peek().path();
    lineNumber = 0;
    recordsInFile = 0;
    try {
      current = files.open();
      bufferStart = 0;
      bufferEnd = 0;
    } catch (FileNotFoundException e) {
      // Listed a moment ago and gone now: report it instead of failing the whole read.
      next = RowFactory.create(currentPath, 0L, "", FILE_MISSING);
      current = null;
    }
    return true;
  }

  /** The next record of the current file, or null after closing it at its end. */
  private Row readRecord() throws IOException {
    while (true) {
      line.reset();
      boolean tooLarge = false;
      long lineBytes = 0;
      boolean endOfFile = false;
      boolean endOfLine = false;
      while (!endOfLine) {
        if (bufferStart == bufferEnd) {
          int read = current.read(buffer, 0, buffer.length);
          if (read < 0) {
            endOfFile = true;
            break;
          }
          bufferStart = 0;
          bufferEnd = read;
        }
        int newline = bufferStart;
        while (newline < bufferEnd && buffer[newline] != '\n') {
          newline++;
        }
        int chunk = newline - bufferStart;
        long room = maxRecordBytes - lineBytes;
        if (chunk > room) {
          tooLarge = true;
        }
        line.write(buffer, bufferStart, (int) Math.max(0, Math.min(chunk, room)));
        lineBytes += chunk;
        endOfLine = newline < bufferEnd;
        bufferStart = endOfLine ? newline + 1 : newline;
      }
      if (endOfFile && lineBytes == 0) {
        return closeFile();
      }
      lineNumber++;
      Row row = toRecord(tooLarge);
      if (row != null) {
        recordsInFile++;
        return row;
      }
      if (endOfFile) {
        return closeFile();
      }
    }
  }

  private Row closeFile() throws IOException {
    current.close();
    current = null;
    if (recordsInFile == 0) {
      return RowFactory.create(currentPath, 0L, "", EMPTY_FILE);
    }
    return null;
  }

  /** The record of the buffered line, or null when the line is blank. */
  private Row toRecord(boolean tooLarge) {
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    if (tooLarge) {
      String prefix = lenientDecode(bytes, Math.min(length, KEPT_PREFIX_BYTES));
      return RowFactory.create(currentPath, lineNumber, prefix, RECORD_TOO_LARGE);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    String error = null;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      text = lenientDecode(bytes, length);
      error = INVALID_UTF8;
    }
    if (error == null && text.isBlank()) {
      return null;
    }
    return RowFactory.create(currentPath, lineNumber, text, error);
  }

  private static String lenientDecode(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
