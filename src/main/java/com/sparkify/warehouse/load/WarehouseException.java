package com.sparkify.warehouse.load;

/** The warehouse could not be reached or refused a statement; the cause is kept. */
public class WarehouseException extends RuntimeException {
  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  public WarehouseException(String message) {
    super(message);
  }
}
