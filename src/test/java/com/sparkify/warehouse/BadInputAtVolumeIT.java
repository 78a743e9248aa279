package com.sparkify.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.generate.DataGenerator;
import com.sparkify.warehouse.generate.GenerationReport;
import com.sparkify.warehouse.generate.GeneratorSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --bad-ratio 0.05}: every kind of broken record at volume. The run completes,
 * every bad record is quarantined with its reason, and invariant 4 reconciles exactly. The suite
 * runs 100,000 events; {@code -Dvolume.events=1000000} runs the full million.
 */
class BadInputAtVolumeIT {

  @Test
  void everyBadRecordIsQuarantinedAndTheEventsReconcile(@TempDir Path work)
      throws IOException, SQLException {
    int events = Integer.getInteger("volume.events", 100_000);
    Path data = work.resolve("data");
    GenerationReport generated =
        DataGenerator.generate(
            new GeneratorSettings(data, 5_000, events, 30, 11, 0.05, LocalDate.parse("2018-11-01")),
            line -> {});

    try (JobRunner runner = JobRunner.start(work)) {
      RunReport report =
          runner.run(
              runner.config(
                  "volume",
                  data.resolve("song_data").toString(),
                  data.resolve("log_data").toString(),
                  // 5% bad on purpose: above the default gate of 1%.
                  "quarantine.max-ratio=0.2"));

      assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
      assertThat(report.events().records())
          .isEqualTo(generated.eventLines() + generated.emptyLogFiles());
      assertThat(report.events().balanced()).isTrue();
      // Broken lines, repeated lines and the empty file: nothing more, nothing less.
      assertThat(report.quarantined().events())
          .isEqualTo(
              generated.badEventLineCount()
                  + generated.duplicateLines()
                  + generated.emptyLogFiles());
      assertThat(report.quarantined().songs())
          .isEqualTo(generated.badSongRecordCount() + generated.emptySongFiles());
      assertThat(report.quarantined().eventsByReason())
          .containsKeys(
              "malformed_json",
              "invalid_utf8",
              "duplicate",
              "empty_file",
              "out_of_range:ts",
              "bad_type:ts");
      assertThat(report.tables().get("songplays").rows())
          .isEqualTo(report.events().playsLoaded())
          .isEqualTo(runner.count("volume", "SELECT count(*) FROM songplays"));
    }
  }
}
