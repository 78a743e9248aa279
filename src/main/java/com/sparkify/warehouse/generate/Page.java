package com.sparkify.warehouse.generate;

/** Pages an event can show, with the HTTP method and status eventsim logs for each. */
enum Page {
  NEXT_SONG("NextSong", "PUT", 200),
  HOME("Home", "GET", 200),
  LOGIN("Login", "PUT", 307),
  LOGOUT("Logout", "PUT", 307),
  SETTINGS("Settings", "GET", 200),
  SUBMIT_UPGRADE("Submit Upgrade", "PUT", 307),
  SUBMIT_DOWNGRADE("Submit Downgrade", "PUT", 307),
  ABOUT("About", "GET", 200),
  HELP("Help", "GET", 200),
  ERROR("Error", "GET", 404),
  CANCEL("Cancel", "PUT", 307),
  CANCELLATION_CONFIRMATION("Cancellation Confirmation", "GET", 200);

  final String text;
  final String method;
  final int status;

  Page(String text, String method, int status) {
    this.text = text;
    this.method = method;
    this.status = status;
  }
}
