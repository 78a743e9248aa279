package com.sparkify.warehouse.schema;

import java.util.List;
import java.util.Objects;

/**
 * How a table is spread over a Redshift cluster's slices and sorted on disk. PostgreSQL ignores it.
 *
 * @param distribution ALL copies the table to every node; KEY places rows by {@code
 *     distributionKey}; EVEN deals them round robin
 * @param distributionKey the column for KEY, else null
 * @param sortKey columns of the compound sort key, may be empty
 * @param reason why this layout, for the docs and the reviewer
 */
public record Layout(
    Distribution distribution, String distributionKey, List<String> sortKey, String reason) {

  /** Redshift's distribution styles. */
  public enum Distribution {
    ALL,
    KEY,
    EVEN
  }

  public Layout {
    Objects.requireNonNull(distribution, "distribution");
    sortKey = List.copyOf(sortKey);
    if ((distribution == Distribution.KEY) != (distributionKey != null)) {
      throw new IllegalArgumentException("A distribution key goes with KEY and only with it");
    }
  }

  static Layout everywhere(List<String> sortKey, String reason) {
    return new Layout(Distribution.ALL, null, sortKey, reason);
  }

  static Layout byKey(String column, List<String> sortKey, String reason) {
    return new Layout(Distribution.KEY, column, sortKey, reason);
  }
}
