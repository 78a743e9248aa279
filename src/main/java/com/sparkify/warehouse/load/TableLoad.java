package com.sparkify.warehouse.load;

/**
 * What a load did to one table.
 *
 * @param staged rows this run staged
 * @param inserted rows whose key was new
 * @param updated existing rows whose values changed
 * @param rows rows in the table after the load
 */
public record TableLoad(long staged, long inserted, long updated, long rows) {}
