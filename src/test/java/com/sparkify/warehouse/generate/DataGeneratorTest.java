package com.sparkify.warehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LocalDate START = LocalDate.of(2018, 11, 1);
  private static final int SONGS = 400;
  private static final int EVENTS = 4000;
  private static final int DAYS = 6;
  private static final List<String> SONG_FIELDS =
      List.of(
          "num_songs",
          "artist_id",
          "artist_latitude",
          "artist_longitude",
          "artist_location",
          "artist_name",
          "song_id",
          "title",
          "duration",
          "year");
  private static final List<String> EVENT_FIELDS =
      List.of(
          "artist",
          "auth",
          "firstName",
          "gender",
          "itemInSession",
          "lastName",
          "length",
          "level",
          "location",
          "method",
          "page",
          "registration",
          "sessionId",
          "song",
          "status",
          "ts",
          "userAgent",
          "userId");
  private static final Pattern SONG_PATH =
      Pattern.compile("song_data/([A-Z0-9])/([A-Z0-9])/([A-Z0-9])/TR\\1\\2\\3[A-Z0-9]{13}\\.json");

  @TempDir static Path sharedFolder;

  private static Path clean;
  private static GenerationReport cleanReport;
  private static Path dirty;
  private static GenerationReport dirtyReport;
  private static List<JsonNode> cleanSongs;
  private static List<JsonNode> cleanEvents;

  @BeforeAll
  static void generate() throws IOException {
    clean = sharedFolder.resolve("clean");
    cleanReport = DataGenerator.generate(settings(clean, 11, 0.0), line -> {});
    dirty = sharedFolder.resolve("dirty");
    dirtyReport = DataGenerator.generate(settings(dirty, 11, 0.01), line -> {});
    cleanSongs = new ArrayList<>();
    for (Path file : files(clean.resolve("song_data"))) {
      for (byte[] line : lines(file)) {
        cleanSongs.add(JSON.readTree(line));
      }
    }
    cleanEvents = new ArrayList<>();
    for (Path file : files(clean.resolve("log_data"))) {
      for (byte[] line : lines(file)) {
        cleanEvents.add(JSON.readTree(line));
      }
    }
  }

  @Test
  void sameSettingsWriteByteIdenticalTrees(@TempDir Path folder) throws IOException {
    Path first = folder.resolve("first");
    Path second = folder.resolve("second");
    Path otherSeed = folder.resolve("other-seed");
    DataGenerator.generate(settings(first, 5, 0.02), line -> {});
    DataGenerator.generate(settings(second, 5, 0.02), line -> {});
    DataGenerator.generate(settings(otherSeed, 6, 0.02), line -> {});

    Map<String, byte[]> firstTree = contents(first);
    Map<String, byte[]> secondTree = contents(second);
    assertThat(secondTree.keySet()).containsExactlyElementsOf(firstTree.keySet());
    for (String path : firstTree.keySet()) {
      assertThat(secondTree.get(path)).as(path).isEqualTo(firstTree.get(path));
    }
    assertThat(contents(otherSeed).keySet()).isNotEqualTo(firstTree.keySet());
  }

  @Test
  void writesOneSongFilePerSongInFoldersNamedAfterTheTrackId() throws IOException {
    List<String> songFiles = relativePaths(clean, files(clean.resolve("song_data")));

    assertThat(songFiles).hasSize(SONGS);
    assertThat(songFiles).allMatch(path -> SONG_PATH.matcher(path).matches());
    assertThat(cleanReport.songFiles()).isEqualTo(SONGS);
  }

  @Test
  void writesOneLogFilePerDayFromTheStartDate() throws IOException {
    List<String> logFiles = relativePaths(clean, files(clean.resolve("log_data")));

    List<String> expected = new ArrayList<>();
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = START.plusDays(day);
      expected.add(
          String.format(
              Locale.ROOT,
              "log_data/%04d/%02d/%s-events.json",
              date.getYear(),
              date.getMonthValue(),
              date));
    }
    assertThat(logFiles).containsExactlyElementsOf(expected);
  }

  @Test
  void filesEndWithoutNewline() throws IOException {
    for (Path file : files(clean)) {
      byte[] bytes = Files.readAllBytes(file);
      assertThat(bytes).as(file.toString()).isNotEmpty();
      assertThat(bytes[bytes.length - 1]).as(file.toString()).isNotEqualTo((byte) '\n');
    }
  }

  @Test
  void countsMatchTheSettings() throws IOException {
    int logLines = 0;
    for (Path file : files(clean.resolve("log_data"))) {
      logLines += lines(file).size();
    }
    assertThat(logLines).isEqualTo(EVENTS);
    assertThat(cleanReport.eventLines()).isEqualTo(EVENTS);
    assertThat(cleanReport.events() + cleanReport.duplicateLines()).isEqualTo(EVENTS);
    assertThat(cleanSongs).hasSize(SONGS + cleanReport.extraSongRecords());
    assertThat(cleanReport.songRecords()).isEqualTo(SONGS + cleanReport.extraSongRecords());
    assertThat(cleanReport.extraSongRecords()).isEqualTo(4);
    assertThat(cleanReport.users()).isEqualTo(50);

    int dirtyLines = 0;
    for (Path file : files(dirty.resolve("log_data"))) {
      dirtyLines += lines(file).size();
    }
    assertThat(dirtyLines).isEqualTo(EVENTS);
    assertThat(
            dirtyReport.events() + dirtyReport.duplicateLines() + dirtyReport.badEventLineCount())
        .isEqualTo(EVENTS);
    assertThat(dirtyReport.badEventLineCount()).isEqualTo(40);
    assertThat(dirtyReport.badSongRecordCount()).isEqualTo(7);
  }

  @Test
  void recordsKeepTheFieldOrderOfTheirSource() {
    assertThat(cleanSongs).allMatch(song -> fieldNames(song).equals(SONG_FIELDS));
    assertThat(cleanEvents).allMatch(event -> fieldNames(event).equals(EVENT_FIELDS));
    assertThat(cleanSongs).allMatch(song -> song.get("num_songs").asInt() == 1);
  }

  @Test
  void eventsCarryEventsimTypes() throws IOException {
    assertThat(cleanEvents).allMatch(event -> event.get("userId").isTextual());
    assertThat(cleanEvents).allMatch(event -> event.get("ts").isIntegralNumber());
    assertThat(cleanEvents).allMatch(event -> event.get("sessionId").isInt());
    assertThat(cleanEvents).allMatch(event -> event.get("itemInSession").isInt());
    String firstDay = Files.readString(logFile(clean, START));
    assertThat(firstDay).containsPattern("\"registration\":\\d{13}\\.0,");
    assertThat(firstDay).doesNotContainPattern("\"registration\":\\d{13},");
  }

  @Test
  void timestampsFallInTheDayOfTheirFile() throws IOException {
    for (int day = 0; day < DAYS; day++) {
      LocalDate date = START.plusDays(day);
      long dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      for (byte[] line : lines(logFile(clean, date))) {
        long ts = JSON.readTree(line).get("ts").asLong();
        assertThat(ts).isBetween(dayStart, dayStart + 86_400_000L - 1);
      }
    }
  }

  @Test
  void sessionsNumberTheirEventsFromZeroInTimeOrder() {
    Map<Integer, List<JsonNode>> sessions = new TreeMap<>();
    for (JsonNode event : distinct(cleanEvents)) {
      sessions.computeIfAbsent(event.get("sessionId").asInt(), id -> new ArrayList<>()).add(event);
    }
    for (List<JsonNode> events : sessions.values()) {
      events.sort(Comparator.comparingInt(event -> event.get("itemInSession").asInt()));
      for (int item = 0; item < events.size(); item++) {
        assertThat(events.get(item).get("itemInSession").asInt()).isEqualTo(item);
        if (item > 0) {
          assertThat(events.get(item).get("ts").asLong())
              .isGreaterThanOrEqualTo(events.get(item - 1).get("ts").asLong());
        }
      }
    }
  }

  @Test
  void pagesAndAuthsLookLikeEventsim() {
    long plays = cleanEvents.stream().filter(DataGeneratorTest::isPlay).count();
    assertThat((double) plays / cleanEvents.size()).isBetween(0.80, 0.90);
    assertThat(cleanEvents.stream().map(event -> event.get("page").asText()))
        .contains(
            "NextSong",
            "Home",
            "Login",
            "Logout",
            "Settings",
            "Submit Upgrade",
            "Submit Downgrade",
            "About",
            "Help",
            "Error");
    assertThat(cleanEvents.stream().map(event -> event.get("auth").asText()).distinct())
        .containsExactlyInAnyOrder("Logged In", "Logged Out", "Guest", "Cancelled");
    assertThat(cleanEvents.stream().map(event -> event.get("status").asInt()).distinct())
        .containsExactlyInAnyOrder(200, 307, 404);
    assertThat(cleanEvents.stream().filter(DataGeneratorTest::isPlay))
        .allMatch(
            event ->
                event.get("artist").isTextual()
                    && event.get("song").isTextual()
                    && event.get("length").isDouble()
                    && !event.get("userId").asText().isEmpty());
  }

  @Test
  void loggedOutEventsHaveNoUserButStillALevel() {
    List<JsonNode> anonymous =
        cleanEvents.stream()
            .filter(event -> !event.get("auth").asText().equals("Logged In"))
            .filter(event -> !event.get("auth").asText().equals("Cancelled"))
            .toList();

    assertThat(anonymous).isNotEmpty();
    assertThat(anonymous)
        .allMatch(
            event ->
                event.get("userId").asText().isEmpty()
                    && event.get("firstName").isNull()
                    && event.get("lastName").isNull()
                    && event.get("gender").isNull()
                    && event.get("registration").isNull()
                    && event.get("level").isTextual());
  }

  @Test
  void someUserGoesFromFreeToPaidAndBackToFree() {
    Map<String, List<JsonNode>> byUser = eventsByUser();

    Set<String> freePaidFree = new TreeSet<>();
    Set<String> upgradedOnly = new TreeSet<>();
    for (Map.Entry<String, List<JsonNode>> entry : byUser.entrySet()) {
      List<String> levels = new ArrayList<>();
      for (JsonNode event : entry.getValue()) {
        String level = event.get("level").asText();
        if (levels.isEmpty() || !levels.get(levels.size() - 1).equals(level)) {
          levels.add(level);
        }
      }
      if (levels.equals(List.of("free", "paid", "free"))) {
        freePaidFree.add(entry.getKey());
      }
      if (levels.equals(List.of("free", "paid"))) {
        upgradedOnly.add(entry.getKey());
      }
    }
    assertThat(freePaidFree).isNotEmpty();
    assertThat(upgradedOnly).isNotEmpty();
  }

  @Test
  void levelChangesFollowSubmitEvents() {
    for (List<JsonNode> events : eventsByUser().values()) {
      for (int index = 1; index < events.size(); index++) {
        String before = events.get(index - 1).get("level").asText();
        String after = events.get(index).get("level").asText();
        if (!before.equals(after)) {
          assertThat(events.get(index - 1).get("page").asText()).startsWith("Submit ");
        }
      }
    }
  }

  @Test
  void someUserHasTwoEventsWithTheSameTimestamp() {
    int sameTimestamp = 0;
    for (List<JsonNode> events : eventsByUser().values()) {
      for (int index = 1; index < events.size(); index++) {
        JsonNode previous = events.get(index - 1);
        JsonNode current = events.get(index);
        if (previous.get("ts").asLong() == current.get("ts").asLong()
            && previous.get("sessionId").asInt() != current.get("sessionId").asInt()) {
          sameTimestamp++;
        }
      }
    }
    assertThat(sameTimestamp).isPositive();
  }

  @Test
  void anArtistIdComesWithSeveralNamesAndLocations() {
    Map<String, Set<String>> names = new TreeMap<>();
    Map<String, Set<String>> locations = new TreeMap<>();
    for (JsonNode song : cleanSongs) {
      String artistId = song.get("artist_id").asText();
      names.computeIfAbsent(artistId, id -> new TreeSet<>()).add(song.get("artist_name").asText());
      locations
          .computeIfAbsent(artistId, id -> new TreeSet<>())
          .add(song.get("artist_location").asText());
    }
    long withBoth =
        names.keySet().stream()
            .filter(id -> names.get(id).size() > 1 && locations.get(id).size() > 1)
            .count();
    assertThat(withBoth).isGreaterThanOrEqualTo(3);
    assertThat(locations.values().stream().anyMatch(set -> set.contains(""))).isTrue();
  }

  @Test
  void nonAsciiNamesAreInTheCatalogueAndSometimesMisencodedInTheLog() {
    Set<String> catalogueNames =
        cleanSongs.stream().map(song -> song.get("artist_name").asText()).collect(toTreeSet());
    assertThat(catalogueNames).contains("Beyoncé", "Sigur Rós", "Mötley Crüe", "Кино", "宇多田ヒカル");

    Set<String> playedArtists =
        cleanEvents.stream()
            .filter(DataGeneratorTest::isPlay)
            .map(event -> event.get("artist").asText())
            .collect(toTreeSet());
    Set<String> misencoded =
        catalogueNames.stream()
            .filter(CatalogueSong::isNonAscii)
            .map(DataGeneratorTest::misencoded)
            .filter(playedArtists::contains)
            .collect(toTreeSet());
    assertThat(misencoded).isNotEmpty().doesNotContainAnyElementsOf(catalogueNames);
    assertThat(catalogueNames.stream().filter(CatalogueSong::isNonAscii))
        .anyMatch(playedArtists::contains);
  }

  @Test
  void aboutAThirdOfPlaysMatchACatalogueSongExactly() {
    Set<SongKey> catalogue = cleanSongs.stream().map(SongKey::ofSong).collect(toHashSet());
    List<SongKey> plays =
        cleanEvents.stream().filter(DataGeneratorTest::isPlay).map(SongKey::ofPlay).toList();

    long exact = plays.stream().filter(catalogue::contains).count();
    assertThat((double) exact / plays.size()).isBetween(0.30, 0.40);
  }

  @Test
  void somePlaysMissACatalogueSongNarrowly() {
    Set<SongKey> catalogue = cleanSongs.stream().map(SongKey::ofSong).collect(toHashSet());
    Map<String, List<SongKey>> byArtistAndTitle = new HashMap<>();
    Map<String, List<SongKey>> byArtistAndLowerTitle = new HashMap<>();
    for (SongKey song : catalogue) {
      byArtistAndTitle
          .computeIfAbsent(song.artist + "|" + song.title, key -> new ArrayList<>())
          .add(song);
      byArtistAndLowerTitle
          .computeIfAbsent(song.artist + "|" + lower(song.title), key -> new ArrayList<>())
          .add(song);
    }
    int offBySmallestStep = 0;
    int offBySecond = 0;
    int otherCase = 0;
    for (JsonNode event : cleanEvents) {
      if (!isPlay(event)) {
        continue;
      }
      SongKey play = SongKey.ofPlay(event);
      if (catalogue.contains(play)) {
        continue;
      }
      for (SongKey song :
          byArtistAndTitle.getOrDefault(play.artist + "|" + play.title, List.of())) {
        long difference = Math.round((play.duration - song.duration) * 100_000);
        offBySmallestStep += difference == 1 ? 1 : 0;
        offBySecond += difference == 100_000 ? 1 : 0;
      }
      for (SongKey song :
          byArtistAndLowerTitle.getOrDefault(play.artist + "|" + lower(play.title), List.of())) {
        boolean sameDuration = song.duration == play.duration;
        otherCase += sameDuration && !song.title.equals(play.title) ? 1 : 0;
      }
    }
    assertThat(offBySmallestStep).isPositive();
    assertThat(offBySecond).isPositive();
    assertThat(otherCase).isPositive();
  }

  @Test
  void twoSongIdsShareTitleArtistAndDuration() {
    Map<SongKey, Set<String>> songIds = new HashMap<>();
    for (JsonNode song : cleanSongs) {
      songIds
          .computeIfAbsent(SongKey.ofSong(song), key -> new TreeSet<>())
          .add(song.get("song_id").asText());
    }
    long shared = songIds.values().stream().filter(ids -> ids.size() > 1).count();
    assertThat(shared).isEqualTo(cleanReport.twinSongPairs()).isPositive();

    Set<SongKey> twins =
        songIds.entrySet().stream()
            .filter(entry -> entry.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .collect(toHashSet());
    assertThat(cleanEvents.stream().filter(DataGeneratorTest::isPlay).map(SongKey::ofPlay))
        .anyMatch(twins::contains);
  }

  @Test
  void aSongIdHasTwoRecordsThatDisagree() {
    Map<String, Set<String>> versions = new TreeMap<>();
    for (JsonNode song : cleanSongs) {
      versions
          .computeIfAbsent(song.get("song_id").asText(), id -> new TreeSet<>())
          .add(song.get("title").asText() + "|" + song.get("year").asInt());
    }
    long disagreeing = versions.values().stream().filter(set -> set.size() > 1).count();
    assertThat(disagreeing).isEqualTo(cleanReport.conflictingSongRecords()).isPositive();
    assertThat(cleanSongs).anyMatch(song -> song.get("year").asInt() == 0);
  }

  @Test
  void someFilesHoldSeveralSongRecords() throws IOException {
    long multiRecordFiles = 0;
    for (Path file : files(clean.resolve("song_data"))) {
      multiRecordFiles += lines(file).size() > 1 ? 1 : 0;
    }
    assertThat(multiRecordFiles).isEqualTo(cleanReport.extraSongRecords()).isPositive();
  }

  @Test
  void theLogRepeatsAFewLinesVerbatim() throws IOException {
    int repeated = 0;
    for (Path file : files(clean.resolve("log_data"))) {
      List<byte[]> lines = lines(file);
      for (int index = 1; index < lines.size(); index++) {
        repeated += Arrays.equals(lines.get(index), lines.get(index - 1)) ? 1 : 0;
      }
    }
    assertThat(repeated).isEqualTo(cleanReport.duplicateLines()).isBetween(1, EVENTS / 100);
  }

  @Test
  void cleanRunHasNoBadRecordsAndNoEmptyFiles() {
    assertThat(cleanReport.badEventLineCount()).isZero();
    assertThat(cleanReport.badSongRecordCount()).isZero();
    assertThat(cleanReport.emptyLogFiles()).isZero();
    assertThat(cleanReport.emptySongFiles()).isZero();
  }

  @Test
  void everyBadKindAppearsWhenBadRatioIsPositive() throws IOException {
    assertThat(dirtyReport.badEventLines().keySet())
        .containsExactlyInAnyOrderElementsOf(BadRecordKind.forEvents());
    assertThat(dirtyReport.badSongRecords().keySet())
        .containsExactlyInAnyOrderElementsOf(BadRecordKind.forSongs());
    assertThat(BadRecordKind.forSongs()).doesNotContain(BadRecordKind.TIMESTAMP_OUT_OF_RANGE);

    String log = latin1(files(dirty.resolve("log_data")));
    assertThat(log)
        .contains("<html>oops</html>")
        .contains("\"ts\":\"yesterday\"")
        .contains("\"sessionId\":\"abc\"")
        .contains("\\u0000")
        .contains("\"itemInSession\":99999999999999")
        .containsPattern("\"ts\":-\\d")
        .containsPattern("\"ts\":325\\d{11}");
    assertThat(log.lines().filter(line -> line.startsWith("{") && !line.endsWith("}")))
        .isNotEmpty();
    assertThat(log.lines().filter(line -> !line.contains("\"page\":") && line.startsWith("{")))
        .isNotEmpty();

    String songs = latin1(files(dirty.resolve("song_data")));
    assertThat(songs)
        .contains("\"duration\": \"3:45\"")
        .contains("\"year\": 99999999999999")
        .contains("\\u0000");
    assertThat(songs.lines().filter(line -> !line.contains("\"song_id\":"))).isNotEmpty();
  }

  @Test
  void badRecordsIncludeBytesThatAreNotUtf8() throws IOException {
    int invalidLogFiles = 0;
    for (Path file : files(dirty.resolve("log_data"))) {
      invalidLogFiles += isUtf8(Files.readAllBytes(file)) ? 0 : 1;
    }
    int invalidSongFiles = 0;
    for (Path file : files(dirty.resolve("song_data"))) {
      invalidSongFiles += isUtf8(Files.readAllBytes(file)) ? 0 : 1;
    }
    assertThat(invalidLogFiles).isPositive();
    assertThat(invalidSongFiles).isEqualTo(1);
  }

  @Test
  void badRatioAddsOneEmptyLogFileAndOneEmptySongFile() throws IOException {
    List<Path> emptyLogFiles = emptyFiles(dirty.resolve("log_data"));
    List<Path> emptySongFiles = emptyFiles(dirty.resolve("song_data"));

    assertThat(emptyLogFiles).containsExactly(logFile(dirty, START.plusDays(DAYS)));
    assertThat(emptySongFiles).hasSize(1);
    assertThat(files(dirty.resolve("song_data"))).hasSize(SONGS + 1);
    assertThat(dirtyReport.emptyLogFiles()).isEqualTo(1);
    assertThat(dirtyReport.emptySongFiles()).isEqualTo(1);
  }

  @Test
  void badLinesDoNotParseOrBreakARule() throws IOException {
    int unreadable = 0;
    for (Path file : files(dirty.resolve("log_data"))) {
      for (byte[] line : lines(file)) {
        try {
          JSON.readTree(line);
        } catch (IOException e) {
          unreadable++;
        }
      }
    }
    // Truncated, invalid UTF-8 and not-JSON lines: 5 of every 8 bad lines.
    assertThat(unreadable).isEqualTo(15);
  }

  @Test
  void settingsNameTheKeyAndValueTheyReject(@TempDir Path folder) {
    assertThatThrownBy(() -> settings(folder, 1, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bad-ratio")
        .hasMessageContaining("1.5");
    assertThatThrownBy(() -> settings(folder, 1, Double.NaN)).hasMessageContaining("--bad-ratio");
    assertThatThrownBy(() -> new GeneratorSettings(folder, 0, 10, 1, 1, 0, START))
        .hasMessageContaining("--songs")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> new GeneratorSettings(folder, 10, 10, 0, 1, 0, START))
        .hasMessageContaining("--days");
    assertThatThrownBy(() -> new GeneratorSettings(folder, 10, -5, 1, 1, 0, START))
        .hasMessageContaining("--events")
        .hasMessageContaining("-5");
  }

  @Test
  void defaultsMatchThePublicSample(@TempDir Path folder) {
    GeneratorSettings defaults = GeneratorSettings.defaults(folder);

    assertThat(defaults.songs()).isEqualTo(1000);
    assertThat(defaults.events()).isEqualTo(8000);
    assertThat(defaults.days()).isEqualTo(30);
    assertThat(defaults.seed()).isEqualTo(42);
    assertThat(defaults.badRatio()).isZero();
    assertThat(defaults.startDate()).isEqualTo(START);
  }

  @Test
  void refusesAFolderThatAlreadyHoldsData() {
    assertThatThrownBy(() -> DataGenerator.generate(settings(clean, 11, 0.0), line -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--out")
        .hasMessageContaining("song_data");
  }

  private static GeneratorSettings settings(Path folder, long seed, double badRatio) {
    return new GeneratorSettings(folder, SONGS, EVENTS, DAYS, seed, badRatio, START);
  }

  private static boolean isPlay(JsonNode event) {
    return event.get("page").asText().equals("NextSong");
  }

  /** Each user's events once, in the job's order: ts, then sessionId, then itemInSession. */
  private static Map<String, List<JsonNode>> eventsByUser() {
    Map<String, List<JsonNode>> byUser = new TreeMap<>();
    for (JsonNode event : distinct(cleanEvents)) {
      String userId = event.get("userId").asText();
      if (!userId.isEmpty()) {
        byUser.computeIfAbsent(userId, id -> new ArrayList<>()).add(event);
      }
    }
    Comparator<JsonNode> order =
        Comparator.<JsonNode>comparingLong(event -> event.get("ts").asLong())
            .thenComparingInt(event -> event.get("sessionId").asInt())
            .thenComparingInt(event -> event.get("itemInSession").asInt());
    byUser.values().forEach(events -> events.sort(order));
    return byUser;
  }

  private static List<JsonNode> distinct(List<JsonNode> events) {
    Set<String> seen = new HashSet<>();
    List<JsonNode> distinct = new ArrayList<>();
    for (JsonNode event : events) {
      if (seen.add(event.get("sessionId").asInt() + "/" + event.get("itemInSession").asInt())) {
        distinct.add(event);
      }
    }
    return distinct;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String misencoded(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Files under {@code folder} in path order. */
  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static List<Path> emptyFiles(Path folder) throws IOException {
    List<Path> empty = new ArrayList<>();
    for (Path file : files(folder)) {
      if (Files.size(file) == 0) {
        empty.add(file);
      }
    }
    return empty;
  }

  private static List<String> relativePaths(Path root, List<Path> files) {
    return files.stream().map(file -> root.relativize(file).toString().replace('\\', '/')).toList();
  }

  private static Path logFile(Path root, LocalDate date) {
    return root.resolve(
        String.format(
            Locale.ROOT,
            "log_data/%04d/%02d/%s-events.json",
            date.getYear(),
            date.getMonthValue(),
            date));
  }

  /** The lines of a file, split on '\n' only; an empty file has none. */
  private static List<byte[]> lines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    List<byte[]> lines = new ArrayList<>();
    if (bytes.length == 0) {
      return lines;
    }
    int start = 0;
    for (int index = 0; index <= bytes.length; index++) {
      if (index == bytes.length || bytes[index] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, index));
        start = index + 1;
      }
    }
    return lines;
  }

  /** All files as one text, read byte for byte, so invalid UTF-8 cannot fail the read. */
  private static String latin1(List<Path> files) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path file : files) {
      text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
    }
    return text.toString();
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> contents = new TreeMap<>();
    for (Path file : files(root)) {
      contents.put(root.relativize(file).toString(), Files.readAllBytes(file));
    }
    return contents;
  }

  private static <T> java.util.stream.Collector<T, ?, Set<T>> toTreeSet() {
    return Collectors.toCollection(TreeSet::new);
  }

  private static <T> java.util.stream.Collector<T, ?, Set<T>> toHashSet() {
    return Collectors.toCollection(HashSet::new);
  }

  /** What the job matches a play on: title, artist name and duration. */
  private record SongKey(String title, String artist, double duration) {

    static SongKey ofSong(JsonNode song) {
      return new SongKey(
          song.get("title").asText(),
          song.get("artist_name").asText(),
          song.get("duration").asDouble());
    }

    static SongKey ofPlay(JsonNode event) {
      return new SongKey(
          event.get("song").asText(), event.get("artist").asText(), event.get("length").asDouble());
    }
  }
}
