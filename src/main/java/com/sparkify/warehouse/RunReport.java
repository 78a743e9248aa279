package com.sparkify.warehouse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sparkify.warehouse.load.TableLoad;
import com.sparkify.warehouse.quality.CheckResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run read, refused, loaded and how long it took. Printed as a short table and written as
 * JSON by {@code run --report}.
 *
 * @param runId names the run's quarantine folder and temporary files
 * @param status succeeded, failed, or nothing_to_load
 * @param daysLoaded the days of the log this run loaded (YYYY-MM-DD)
 * @param input files and records per input
 * @param quarantined refused records per input and per reason
 * @param events how every input event was accounted for (DOMAIN §4 invariant 4)
 * @param tables per table: rows after the load, staged, inserted and updated by this run
 * @param checks the quality checks measured on the staged tables
 * @param timingsMs per stage
 * @param error why a failed run failed, else null
 */
public record RunReport(
    String runId,
    String status,
    Instant startedAt,
    Instant finishedAt,
    List<String> daysLoaded,
    Map<String, InputSummary> input,
    Quarantined quarantined,
    EventAccounting events,
    Map<String, TableLoad> tables,
    List<CheckResult> checks,
    Map<String, Long> timingsMs,
    String error) {

  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
  public static final String NOTHING_TO_LOAD = "nothing_to_load";

  /**
   * @param files files found under the input path
   * @param records non-blank lines read
   */
  public record InputSummary(long files, long records) {}

  /**
   * @param events refused event records
   * @param songs refused song records
   * @param eventsByReason per reason
   * @param songsByReason per reason
   * @param path the run's quarantine folder, null when nothing was refused
   */
  public record Quarantined(
      long events,
      long songs,
      Map<String, Long> eventsByReason,
      Map<String, Long> songsByReason,
      String path) {}

  /**
   * Invariant 4: records = plays loaded + not a play + quarantined.
   *
   * @param records event records read
   * @param playsLoaded valid play events staged as songplays
   * @param notAPlay valid events of other pages
   * @param quarantined refused event records
   */
  public record EventAccounting(
      long records, long playsLoaded, @JsonProperty("not_a_play") long notAPlay, long quarantined) {

    @JsonProperty("balanced")
    public boolean balanced() {
      return records == playsLoaded + notAPlay + quarantined;
    }
  }

  /** A report for a run that failed; the warehouse is as it was before it. */
  public static RunReport failed(String runId, Instant startedAt, String error) {
    return failed(runId, startedAt, error, List.of());
  }

  /** A report for a run whose quality checks failed, with their measurements. */
  public static RunReport failed(
      String runId, Instant startedAt, String error, List<CheckResult> checks) {
    return new RunReport(
        runId,
        FAILED,
        startedAt,
        Instant.now(),
        List.of(),
        Map.of(),
        null,
        null,
        Map.of(),
        checks,
        Map.of(),
        error);
  }

  /** An incremental run that found every day of the input loaded already. */
  public static RunReport nothingToLoad(String runId, Instant startedAt) {
    return new RunReport(
        runId,
        NOTHING_TO_LOAD,
        startedAt,
        Instant.now(),
        List.of(),
        Map.of(),
        new Quarantined(0, 0, Map.of(), Map.of(), null),
        new EventAccounting(0, 0, 0, 0),
        Map.of(),
        List.of(),
        Map.of(),
        null);
  }

  public String toJson() {
    try {
      return mapper().writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void writeJson(File file) {
    try {
      mapper().writeValue(file, this);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report to " + file, e);
    }
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }
}
