package com.sparkify.warehouse.extract;

/** An input path that cannot be used: missing, empty or unreadable. A user must fix it. */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
