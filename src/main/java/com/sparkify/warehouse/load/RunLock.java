package com.sparkify.warehouse.load;

/** Held for the length of a run so that two runs never load one warehouse at once. */
public interface RunLock extends AutoCloseable {

  /** Releases the lock; never throws. */
  @Override
  void close();

  static RunLock none() {
    return () -> {};
  }
}
