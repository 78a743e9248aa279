package com.sparkify.warehouse.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes a synthetic {@code song_data/} and {@code log_data/} with the layout, the fields and the
 * quirks of the public Sparkify sample (see DOMAIN.md, section 1), plus broken records on demand.
 *
 * <p>Everything is drawn from {@link SplittableRandom}s derived from the seed, in a fixed order,
 * and nothing depends on the clock or on hash order: the same settings write a byte-identical tree.
 */
public final class DataGenerator {

  static final String SONG_DATA = "song_data";
  static final String LOG_DATA = "log_data";

  private DataGenerator() {}

  /**
   * Generates both inputs under {@code settings.outputDirectory()}.
   *
   * @param progress receives one line as each stage starts
   * @throws IllegalArgumentException if the output folder already holds song_data or log_data
   * @throws UncheckedIOException if a file cannot be written
   */
  public static GenerationReport generate(GeneratorSettings settings, Consumer<String> progress) {
    requireFreeOutput(settings.outputDirectory());
    Path songData = settings.outputDirectory().resolve(SONG_DATA);
    Path logData = settings.outputDirectory().resolve(LOG_DATA);
    SplittableRandom root = new SplittableRandom(settings.seed());
    // One stream per input, so that changing --events does not change the catalogue.
    SplittableRandom catalogueRandom = root.split();
    SplittableRandom logRandom = root.split();

    progress.accept("Writing " + settings.songs() + " song files to " + songData);
    Catalogue catalogue =
        CatalogueGenerator.generate(settings.songs(), settings.badRatio(), catalogueRandom);
    SongFiles.write(songData, catalogue);

    progress.accept(
        "Writing "
            + settings.events()
            + " event lines over "
            + settings.days()
            + " days from "
            + settings.startDate()
            + " to "
            + logData);
    EventLogSummary log = EventLog.write(settings, catalogue, logData, logRandom);

    return new GenerationReport(
        catalogue.files().size() - catalogue.emptyFiles(),
        catalogue.playable().size(),
        catalogue.extraRecords(),
        catalogue.conflictingRecords(),
        catalogue.twinPairs(),
        catalogue.variantArtists(),
        catalogue.badRecords(),
        catalogue.emptyFiles(),
        log.logFiles(),
        log.lines(),
        log.events(),
        log.plays(),
        log.exactMatchPlays(),
        log.nearMissPlays(),
        log.misencodedPlays(),
        log.duplicateLines(),
        log.badLines(),
        log.emptyFiles(),
        log.users(),
        log.sessions(),
        log.sameTimestampPairs(),
        log.levelChanges(),
        log.cancellations());
  }

  /**
   * Refuses an output folder that already holds generated data: mixing two runs would break the
   * promise that the same settings give the same tree, and the generator never deletes files.
   *
   * @throws IllegalArgumentException naming {@code --out} when it is a file, or when its song_data
   *     or log_data is not empty
   */
  public static void requireFreeOutput(Path outputDirectory) {
    if (Files.exists(outputDirectory) && !Files.isDirectory(outputDirectory)) {
      throw new IllegalArgumentException("--out " + outputDirectory + " is a file, not a folder");
    }
    for (String input : new String[] {SONG_DATA, LOG_DATA}) {
      Path folder = outputDirectory.resolve(input);
      if (Files.exists(folder) && !isEmptyFolder(folder)) {
        throw new IllegalArgumentException(
            "--out "
                + outputDirectory
                + " already holds "
                + input
                + "; choose an empty folder or delete "
                + folder
                + " first");
      }
    }
  }

  private static boolean isEmptyFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder + ": " + e, e);
    }
  }
}
