package com.sparkify.warehouse.transform;

import static com.sparkify.warehouse.transform.TransformFixtures.event;
import static com.sparkify.warehouse.transform.TransformFixtures.events;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class UsersTest {

  private static List<Row> build(Object[]... events) {
    return Users.build(events(events)).orderBy("user_id").collectAsList();
  }

  @Test
  void everyUserIdOfAnyPageIsAUserAndEmptyIdsAreNot() {
    var rows =
        build(
            event("Home", 5, "A", "free", 1, 0, 1000L, null, null, null),
            event("NextSong", 7, "B", "free", 2, 0, 1000L, "x", "y", 1.0),
            event("Home", null, null, "free", 3, 0, 1000L, null, null, null));
    assertThat(rows).extracting(r -> (Integer) r.getAs("user_id")).containsExactly(5, 7);
  }

  @Test
  void aUserWhoPaidAndLaterDowngradedIsFree() {
    var rows =
        build(
            event("NextSong", 5, "A", "free", 1, 0, 1000L, "x", "y", 1.0),
            event("Submit Upgrade", 5, "A", "paid", 1, 1, 2000L, null, null, null),
            event("Submit Downgrade", 5, "A", "free", 2, 0, 3000L, null, null, null));
    assertThat((String) rows.get(0).getAs("level")).isEqualTo("free");
    assertThat(((Timestamp) rows.get(0).getAs("last_event_at")).toInstant())
        .isEqualTo(Instant.ofEpochMilli(3000L));
  }

  @Test
  void aTieInTsIsBrokenBySessionIdThenItemInSession() {
    var rows =
        build(
            event("Home", 5, "Early", "free", 1, 9, 5000L, null, null, null),
            event("Home", 5, "Latest", "paid", 2, 0, 5000L, null, null, null),
            event("Home", 6, "Early", "free", 3, 0, 5000L, null, null, null),
            event("Home", 6, "Latest", "paid", 3, 1, 5000L, null, null, null));
    assertThat(rows)
        .extracting(r -> (String) r.getAs("first_name"))
        .containsExactly("Latest", "Latest");
    assertThat(rows).extracting(r -> (String) r.getAs("level")).containsExactly("paid", "paid");
  }
}
