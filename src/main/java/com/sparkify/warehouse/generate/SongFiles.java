package com.sparkify.warehouse.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Writes the catalogue as {@code song_data/A/B/C/TRABC....json} files. */
final class SongFiles {

  private SongFiles() {}

  static void write(Path songDataDirectory, Catalogue catalogue) {
    JsonObjectWriter writer = JsonObjectWriter.spaced();
    // Only asked whether a folder was made already; never iterated.
    Set<Path> createdFolders = new HashSet<>();
    for (SongFile file : catalogue.files()) {
      Path path = songDataDirectory.resolve(file.relativePath());
      try {
        if (createdFolders.add(path.getParent())) {
          Files.createDirectories(path.getParent());
        }
        Files.write(path, content(writer, file), StandardOpenOption.CREATE_NEW);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write song file " + path + ": " + e, e);
      }
    }
  }

  /** One record per line, and no newline after the last, as in the public bucket. */
  static byte[] content(JsonObjectWriter writer, SongFile file) {
    List<CatalogueSong> records = file.records();
    if (records.isEmpty()) {
      return new byte[0];
    }
    if (file.badKind() != null) {
      return BadRecords.songRecord(writer, records.get(0), file.badKind(), file.badVariant());
    }
    StringBuilder text = new StringBuilder(512 * records.size());
    for (int index = 0; index < records.size(); index++) {
      if (index > 0) {
        text.append('\n');
      }
      text.append(SongJson.line(writer, records.get(index), file.asciiOnly()));
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }
}
