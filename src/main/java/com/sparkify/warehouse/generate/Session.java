package com.sparkify.warehouse.generate;

/** One listening session; its id is given once the day's sessions are placed in time. */
final class Session {

  /** Null for sessions of nobody in particular (logged out or guest). */
  final User user;

  final int creationOrder;
  int id;
  long start;

  Session(User user, int creationOrder) {
    this.user = user;
    this.creationOrder = creationOrder;
  }
}
