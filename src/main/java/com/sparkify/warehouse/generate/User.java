package com.sparkify.warehouse.generate;

/** A listener of the log, with the level it has now and the level changes still ahead. */
final class User {

  static final String FREE = "free";
  static final String PAID = "paid";

  final int index;
  final String id;
  final String firstName;
  final String lastName;
  final String gender;
  final String location;
  final String userAgent;

  /** Written as a float such as {@code 1540919166796.0}, as eventsim does. */
  final String registration;

  String level;

  /** Days on or after which the next level changes happen, in order. */
  int[] levelChangeDays = new int[0];

  int levelChangesDone;

  /** Day from which the user's next session cancels the account; -1 for never. */
  int cancelDay = -1;

  boolean cancelled;

  User(
      int index,
      String id,
      String firstName,
      String lastName,
      String gender,
      String location,
      String userAgent,
      long registrationMillis,
      String level) {
    this.index = index;
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.gender = gender;
    this.location = location;
    this.userAgent = userAgent;
    this.registration = registrationMillis + ".0";
    this.level = level;
  }

  boolean levelChangeDue(int day) {
    return levelChangesDone < levelChangeDays.length && levelChangeDays[levelChangesDone] <= day;
  }
}
