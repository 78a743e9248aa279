package com.sparkify.warehouse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sparkify.warehouse.TestSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawRecordsTest {

  @TempDir Path folder;

  private SourceFile write(String name, byte[] bytes) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return new SourceFile(file.toUri().toString(), bytes.length);
  }

  private SourceFile write(String name, String text) throws IOException {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static List<Row> read(List<SourceFile> files, int maxRecordBytes) {
    return RawRecords.read(TestSpark.session(), files, 2, maxRecordBytes)
        .orderBy(RawRecords.SOURCE_FILE, RawRecords.LINE_NUMBER)
        .collectAsList();
  }

  @Test
  void aFileWithoutTrailingNewlineYieldsItsLastLine() throws IOException {
    var file = write("a/b.json", "{\"a\":1}\n{\"a\":2}");
    List<Row> rows = read(List.of(file), 1 << 20);
    assertThat(rows).extracting(r -> r.getString(2)).containsExactly("{\"a\":1}", "{\"a\":2}");
    assertThat(rows).extracting(r -> r.getLong(1)).containsExactly(1L, 2L);
  }

  @Test
  void blankLinesAndCarriageReturnsAreNotRecords() throws IOException {
    var file = write("crlf.json", "{\"a\":1}\r\n\r\n   \n{\"a\":2}\r\n");
    assertThat(read(List.of(file), 1 << 20))
        .extracting(r -> r.getString(2))
        .containsExactly("{\"a\":1}", "{\"a\":2}");
  }

  @Test
  void anEmptyFileIsReportedOnce() throws IOException {
    var file = write("empty.json", "");
    List<Row> rows = read(List.of(file), 1 << 20);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(3)).isEqualTo("empty_file");
  }

  @Test
  void invalidUtf8IsReportedWithTheTextKept() throws IOException {
    byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
    List<Row> rows = read(List.of(write("bad.json", bytes)), 1 << 20);
    assertThat(rows.get(0).getString(3)).isEqualTo("invalid_utf8");
    assertThat(rows.get(0).getString(2)).startsWith("{\"a\":\"");
  }

  @Test
  void aLineLongerThanTheLimitIsReportedWithItsStart() throws IOException {
    String longLine = "{\"a\":\"" + "x".repeat(5000) + "\"}";
    List<Row> rows = read(List.of(write("long.json", longLine + "\n{\"b\":1}")), 2048);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getString(3)).isEqualTo("record_too_large");
    assertThat(rows.get(0).getString(2)).hasSize(2048);
    assertThat(rows.get(1).getString(2)).isEqualTo("{\"b\":1}");
  }

  @Test
  void aFileThatVanishedAfterListingIsReported() throws IOException {
    var kept = write("kept.json", "{\"a\":1}");
    var gone = write("gone.json", "{\"a\":2}");
    Files.delete(Path.of(java.net.URI.create(gone.path())));
    List<Row> rows = read(List.of(kept, gone), 1 << 20);
    assertThat(rows).extracting(r -> r.getString(3)).containsExactly("file_missing", null);
  }

  @Test
  void filesArePackedIntoGroupsOfSimilarSize() {
    var files = new ArrayList<SourceFile>();
    for (int i = 0; i < 10; i++) {
      files.add(new SourceFile("f" + i, 1000L * (i + 1)));
    }
    List<List<SourceFile>> groups = RawRecords.packBySize(files, 3);
    assertThat(groups).hasSize(3);
    assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(10);
    long[] sizes =
        groups.stream().mapToLong(g -> g.stream().mapToLong(SourceFile::length).sum()).toArray();
    assertThat(
            java.util.Arrays.stream(sizes).max().getAsLong()
                - java.util.Arrays.stream(sizes).min().getAsLong())
        .isLessThanOrEqualTo(10_000L);
  }
}
