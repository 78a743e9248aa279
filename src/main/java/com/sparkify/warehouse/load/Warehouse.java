package com.sparkify.warehouse.load;

import java.sql.Connection;

/** A database the star schema lives in. Closing it stops it when the job started it. */
public interface Warehouse extends AutoCloseable {

  /** A new connection in auto-commit mode. */
  Connection connect();

  /** Where it is, for messages; never includes a password. */
  String description();

  @Override
  void close();
}
