package com.sparkify.warehouse.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Builds the song catalogue with the quirks of the public bucket, and a few of its own. */
final class CatalogueGenerator {

  // The public bucket has 9,553 artist ids for 14,896 songs.
  private static final double ARTISTS_PER_SONG = 0.64;
  // About 470 of its 9,553 artist ids come with several names or locations.
  private static final double VARIANT_ARTIST_SHARE = 0.05;
  private static final double UNKNOWN_YEAR_SHARE = 0.45;
  private static final double MULTI_RECORD_FILE_SHARE = 0.01;
  private static final int SONGS_PER_TWIN_PAIR = 200;
  private static final long MINIMUM_DURATION = 3_000_000L;
  private static final long DURATION_SPREAD = 42_000_000L;

  private final SplittableRandom random;
  // Only asked whether an id is taken, never iterated, so its order cannot leak into the output.
  private final Set<String> usedIds = new HashSet<>();

  private CatalogueGenerator(SplittableRandom random) {
    this.random = random;
  }

  static Catalogue generate(int songCount, double badRatio, SplittableRandom random) {
    return new CatalogueGenerator(random).catalogue(songCount, badRatio);
  }

  private Catalogue catalogue(int songCount, double badRatio) {
    int artistCount = Math.max(1, (int) Math.round(songCount * ARTISTS_PER_SONG));
    int variantCount = Math.max(1, (int) Math.round(artistCount * VARIANT_ARTIST_SHARE));
    List<ArtistProfile> artists = artists(artistCount, variantCount);
    CatalogueSong[] songs = songs(songCount, artists, variantCount);

    // Each quirk takes the next songs of one shuffled order, so no song carries two of them.
    QuirkOrder order = new QuirkOrder(shuffledIndexes(songCount));
    List<CatalogueSong> twins = makeTwins(songs, order);
    CatalogueSong[] secondRecords = new CatalogueSong[songCount];
    int multiRecordFiles =
        songCount >= 10 ? Math.max(3, (int) Math.round(songCount * MULTI_RECORD_FILE_SHARE)) : 0;
    int conflictingRecords = 0;
    for (int file = 0; file < multiRecordFiles; file++) {
      int index = order.next();
      CatalogueSong first = songs[index];
      // Cycle: same song_id disagreeing, a second song, the same record twice.
      secondRecords[index] =
          switch (file % 3) {
            case 0 -> conflictingVersion(first, file);
            case 1 -> anotherSong(first);
            default -> first;
          };
      conflictingRecords += file % 3 == 0 ? 1 : 0;
    }

    List<BadRecordKind> badKinds = BadRecordKind.forSongs();
    int badCount =
        badRatio > 0
            ? Math.min(
                order.remaining(),
                Math.max(badKinds.size(), (int) Math.round(badRatio * songCount)))
            : 0;
    BadRecordKind[] badKindOf = new BadRecordKind[songCount];
    int[] badVariantOf = new int[songCount];
    Map<BadRecordKind, Integer> badRecords = new EnumMap<>(BadRecordKind.class);
    for (int bad = 0; bad < badCount; bad++) {
      int index = order.next();
      BadRecordKind kind = badKinds.get(bad % badKinds.size());
      badKindOf[index] = kind;
      badVariantOf[index] = bad / badKinds.size();
      badRecords.merge(kind, 1, Integer::sum);
    }

    List<SongFile> files = new ArrayList<>(songCount + 1);
    List<CatalogueSong> playable = new ArrayList<>(songCount + multiRecordFiles);
    for (int index = 0; index < songCount; index++) {
      List<CatalogueSong> records =
          secondRecords[index] == null
              ? List.of(songs[index])
              : List.of(songs[index], secondRecords[index]);
      // Half the files escape non-ASCII like Python's json.dumps; both read back the same.
      boolean asciiOnly = random.nextBoolean();
      files.add(
          new SongFile(newId("TR"), records, asciiOnly, badKindOf[index], badVariantOf[index]));
      if (badKindOf[index] == null) {
        playable.addAll(records);
      }
    }
    int emptyFiles = 0;
    if (badRatio > 0) {
      files.add(new SongFile(newId("TR"), List.of(), false, null, 0));
      emptyFiles = 1;
    }
    return new Catalogue(
        files,
        playable,
        playable.stream().filter(CatalogueSong::hasNonAsciiText).toList(),
        twins,
        multiRecordFiles,
        conflictingRecords,
        twins.size() / 2,
        Math.min(variantCount, Math.max(0, songCount - artistCount)),
        badRecords,
        emptyFiles);
  }

  /** Copies title, artist and duration of a few songs onto others, under their own song_id. */
  private List<CatalogueSong> makeTwins(CatalogueSong[] songs, QuirkOrder order) {
    int pairs = songs.length >= 4 ? Math.max(1, songs.length / SONGS_PER_TWIN_PAIR) : 0;
    List<CatalogueSong> twins = new ArrayList<>(2 * pairs);
    for (int pair = 0; pair < pairs; pair++) {
      int source = order.next();
      int twin = order.next();
      songs[twin] = songs[source].withSongId(newId("SO"));
      twins.add(songs[source]);
      twins.add(songs[twin]);
    }
    return twins;
  }

  /** A different song by the same artist, written into the same file. */
  private CatalogueSong anotherSong(CatalogueSong song) {
    String title = Names.songTitle(random);
    while (title.equals(song.title())) {
      title = Names.songTitle(random);
    }
    return new CatalogueSong(
        song.artistId(),
        song.latitude(),
        song.longitude(),
        song.artistLocation(),
        song.artistName(),
        newId("SO"),
        title,
        duration(),
        song.year());
  }

  private long duration() {
    return MINIMUM_DURATION + (long) (StrictMath.pow(random.nextDouble(), 1.5) * DURATION_SPREAD);
  }

  private CatalogueSong conflictingVersion(CatalogueSong song, int file) {
    // Alternate between a different title and a different year under the same song_id.
    if ((file / 3) % 2 == 0) {
      return song.withTitle(song.title() + " (Remastered)");
    }
    return song.withYear(song.year() == 0 ? 1999 : 0);
  }

  private List<ArtistProfile> artists(int artistCount, int variantCount) {
    List<ArtistProfile> artists = new ArrayList<>(artistCount);
    int famous = 0;
    for (int index = 0; index < artistCount; index++) {
      FamousArtist famousArtist = null;
      // Every third artist is a famous one while they last, so variants and plain names mix.
      if (index % 3 == 0 && famous < FamousArtist.ALL.size()) {
        famousArtist = FamousArtist.ALL.get(famous++);
      }
      String name = famousArtist == null ? Names.artistName(random) : famousArtist.name();
      ArtistPlace place = place(famousArtist);
      List<String> names = List.of(name);
      List<ArtistPlace> places = List.of(place);
      if (index < variantCount) {
        String guest = famousArtist == null ? Names.artistName(random) : famousArtist.guest();
        names = List.of(name, name + " feat. " + guest, otherSpelling(name));
        places = List.of(place, otherPlace(place));
      }
      List<String> titles = famousArtist == null ? List.of() : famousArtist.titles();
      artists.add(new ArtistProfile(newId("AR"), names, places, titles));
    }
    return artists;
  }

  private ArtistPlace place(FamousArtist famousArtist) {
    if (famousArtist != null && !famousArtist.location().isEmpty()) {
      return new ArtistPlace(famousArtist.location(), null, null);
    }
    double roll = random.nextDouble();
    if (roll < 0.4) {
      return new ArtistPlace("", null, null);
    }
    Names.Place place = Names.place(random);
    if (roll < 0.7) {
      return new ArtistPlace(place.location(), place.latitude(), place.longitude());
    }
    return new ArtistPlace(place.location(), null, null);
  }

  private ArtistPlace otherPlace(ArtistPlace place) {
    if (place.location().isEmpty()) {
      Names.Place other = Names.place(random);
      return new ArtistPlace(other.location(), other.latitude(), other.longitude());
    }
    return new ArtistPlace("", null, null);
  }

  private static String otherSpelling(String name) {
    if (name.contains(" & ")) {
      return name.replace(" & ", " and ");
    }
    if (name.startsWith("The ")) {
      return name.substring(4);
    }
    return name.toUpperCase(Locale.ROOT);
  }

  private CatalogueSong[] songs(int songCount, List<ArtistProfile> artists, int variantCount) {
    int artistCount = artists.size();
    int[] songsSoFar = new int[artistCount];
    CatalogueSong[] songs = new CatalogueSong[songCount];
    for (int index = 0; index < songCount; index++) {
      int artistIndex;
      if (index < artistCount) {
        artistIndex = index;
      } else if (index - artistCount < 2 * variantCount) {
        // Two more songs for each variant artist, so every spelling and place gets written.
        artistIndex = (index - artistCount) % variantCount;
      } else {
        double roll = random.nextDouble();
        artistIndex = (int) (artistCount * roll * roll);
      }
      ArtistProfile artist = artists.get(artistIndex);
      int ordinal = songsSoFar[artistIndex]++;
      ArtistPlace place = artist.places().get(ordinal % artist.places().size());
      String title =
          ordinal < artist.titles().size() ? artist.titles().get(ordinal) : Names.songTitle(random);
      long duration = duration();
      int year = random.nextDouble() < UNKNOWN_YEAR_SHARE ? 0 : 1960 + random.nextInt(51);
      songs[index] =
          new CatalogueSong(
              artist.id(),
              place.latitude(),
              place.longitude(),
              place.location(),
              artist.names().get(ordinal % artist.names().size()),
              newId("SO"),
              title,
              duration,
              year);
    }
    return songs;
  }

  private int[] shuffledIndexes(int count) {
    int[] indexes = new int[count];
    for (int index = 0; index < count; index++) {
      indexes[index] = index;
    }
    for (int index = count - 1; index > 0; index--) {
      int other = random.nextInt(index + 1);
      int swap = indexes[index];
      indexes[index] = indexes[other];
      indexes[other] = swap;
    }
    return indexes;
  }

  private String newId(String prefix) {
    while (true) {
      String id =
          "TR".equals(prefix) ? Names.trackId(random) : prefix + Names.alphanumeric(random, 16);
      if (usedIds.add(id)) {
        return id;
      }
    }
  }

  /** Hands out song indexes in a shuffled order, each once. */
  private static final class QuirkOrder {
    private final int[] indexes;
    private int next;

    QuirkOrder(int[] indexes) {
      this.indexes = indexes;
    }

    int next() {
      return indexes[next++];
    }

    int remaining() {
      return indexes.length - next;
    }
  }

  private record ArtistProfile(
      String id, List<String> names, List<ArtistPlace> places, List<String> titles) {}

  private record ArtistPlace(String location, Long latitude, Long longitude) {}
}
