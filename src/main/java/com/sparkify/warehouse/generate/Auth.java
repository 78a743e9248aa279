package com.sparkify.warehouse.generate;

/** The {@code auth} values of the log. Only identified events carry a user id and names. */
enum Auth {
  LOGGED_IN("Logged In"),
  LOGGED_OUT("Logged Out"),
  GUEST("Guest"),
  CANCELLED("Cancelled");

  final String text;

  Auth(String text) {
    this.text = text;
  }

  boolean identifiesUser() {
    return this == LOGGED_IN || this == CANCELLED;
  }
}
