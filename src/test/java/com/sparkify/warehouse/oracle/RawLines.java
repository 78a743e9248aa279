package com.sparkify.warehouse.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts input files into the oracle's raw tables as the Redshift scripts' COPY did: one row per
 * line, as bytes, so the oracle's SQL decides what is valid UTF-8 and valid JSON. Only line
 * splitting happens here: lines end at '\n' (a '\r' before it is dropped), blank lines are no
 * records, and a file without any record gets one row with line_number 0 and no bytes.
 */
public final class RawLines {

  private static final int BATCH_SIZE = 2000;

  private RawLines() {}

  /**
   * Inserts every line of every file under {@code directory} into {@code table}.
   *
   * @return the rows inserted
   */
  public static long load(Connection connection, Path directory, String table) {
    String insert = "INSERT INTO " + table + " (source_file, line_number, line) VALUES (?, ?, ?)";
    long rows = 0;
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      int pending = 0;
      for (Path file : files(directory)) {
        String sourceFile = directory.relativize(file).toString();
        List<byte[]> lines = split(Files.readAllBytes(file));
        long lineNumber = 0;
        boolean anyRecord = false;
        for (byte[] line : lines) {
          lineNumber++;
          if (isBlank(line)) {
            continue;
          }
          anyRecord = true;
          statement.setString(1, sourceFile);
          statement.setLong(2, lineNumber);
          statement.setBytes(3, line);
          statement.addBatch();
          pending++;
          rows++;
          if (pending == BATCH_SIZE) {
            statement.executeBatch();
            pending = 0;
          }
        }
        if (!anyRecord) {
          statement.setString(1, sourceFile);
          statement.setLong(2, 0);
          statement.setBytes(3, null);
          statement.addBatch();
          pending++;
          rows++;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot load " + directory + " into " + table, e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + directory, e);
    }
    return rows;
  }

  /** Regular files under {@code directory}, by path, without hidden and checksum files. */
  static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> isVisible(path.getFileName().toString()))
          .sorted()
          .toList();
    }
  }

  private static boolean isVisible(String name) {
    return !name.startsWith(".") && !name.startsWith("_") && !name.endsWith(".crc");
  }

  /** The lines of {@code content} split at '\n', each without a trailing '\r'. */
  static List<byte[]> split(byte[] content) {
    var lines = new ArrayList<byte[]>();
    int start = 0;
    for (int index = 0; index <= content.length; index++) {
      if (index == content.length || content[index] == '\n') {
        if (index == content.length && start == index) {
          break;
        }
        int end = index;
        if (end > start && content[end - 1] == '\r') {
          end--;
        }
        lines.add(Arrays.copyOfRange(content, start, end));
        start = index + 1;
      }
    }
    return lines;
  }

  /** Whitespace only; a line that is not valid UTF-8 is never blank. */
  private static boolean isBlank(byte[] line) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line))
          .toString()
          .isBlank();
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
