package com.sparkify.warehouse.quality;

/**
 * A measured check.
 *
 * @param name what was checked
 * @param measured the value measured
 * @param expected what passing means
 * @param passed whether it passed
 */
public record CheckResult(String name, double measured, String expected, boolean passed) {}
