package com.sparkify.warehouse.generate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chooses what each NextSong event played: an exact catalogue song for about a third of plays, near
 * misses and mis-encoded names for a few, and songs the catalogue does not hold for the rest (on
 * the public sample most plays match nothing).
 */
final class PlayPicker {

  private static final double EXACT_SHARE = 0.35;
  private static final double NEAR_MISS_SHARE = 0.04;
  private static final double MISENCODED_SHARE = 0.02;
  // Within exact plays: how often a song_id twin is played, so the tie-break is exercised.
  private static final double TWIN_SHARE = 0.03;
  private static final long ONE_SECOND = 100_000L;
  private static final long SMALLEST_STEP = 1L;

  private final List<CatalogueSong> playable;
  private final List<CatalogueSong> misencodable;
  private final List<CatalogueSong> twins;
  private final PlayedSong[] unknownSongs;

  private int exactPlays;
  private int nearMissPlays;
  private int misencodedPlays;
  private int unknownPlays;

  PlayPicker(Catalogue catalogue, int unknownSongCount, SplittableRandom random) {
    this.playable = catalogue.playable();
    this.misencodable = catalogue.misencodable();
    this.twins = catalogue.twins();
    this.unknownSongs = new PlayedSong[unknownSongCount];
    for (int index = 0; index < unknownSongCount; index++) {
      unknownSongs[index] =
          new PlayedSong(
              Names.artistName(random),
              Names.songTitle(random),
              6_000_000L + random.nextLong(30_000_000L));
    }
  }

  PlayedSong next(SplittableRandom random) {
    double roll = random.nextDouble();
    if (!playable.isEmpty() && roll < EXACT_SHARE) {
      exactPlays++;
      boolean playTwin = !twins.isEmpty() && random.nextDouble() < TWIN_SHARE;
      return asPlayed(playTwin ? pick(twins, random) : skewedPick(playable, random));
    }
    if (!playable.isEmpty() && roll < EXACT_SHARE + NEAR_MISS_SHARE) {
      nearMissPlays++;
      return nearMiss(skewedPick(playable, random), nearMissPlays);
    }
    if (!misencodable.isEmpty() && roll < EXACT_SHARE + NEAR_MISS_SHARE + MISENCODED_SHARE) {
      misencodedPlays++;
      CatalogueSong song = pick(misencodable, random);
      return new PlayedSong(
          misencoded(song.artistName()), misencoded(song.title()), song.duration());
    }
    unknownPlays++;
    return unknownSong(random);
  }

  /** A song the catalogue does not hold, without counting it as a play. */
  PlayedSong unknownSong(SplittableRandom random) {
    double skew = random.nextDouble();
    return unknownSongs[(int) (unknownSongs.length * skew * skew)];
  }

  int exactPlays() {
    return exactPlays;
  }

  int nearMissPlays() {
    return nearMissPlays;
  }

  int misencodedPlays() {
    return misencodedPlays;
  }

  int unknownPlays() {
    return unknownPlays;
  }

  /**
   * What a UTF-8 name looks like when its bytes are read back as Latin-1: "Beyoncé" as "BeyoncÃ©".
   */
  static String misencoded(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static PlayedSong nearMiss(CatalogueSong song, int ordinal) {
    switch (ordinal % 3) {
      case 0 -> {
        String upper = song.title().toUpperCase(Locale.ROOT);
        String otherCase =
            upper.equals(song.title()) ? song.title().toLowerCase(Locale.ROOT) : upper;
        if (!otherCase.equals(song.title())) {
          return new PlayedSong(song.artistName(), otherCase, song.duration());
        }
        // Scripts without case (Japanese, say) fall through to a duration near miss.
        return new PlayedSong(song.artistName(), song.title(), song.duration() + SMALLEST_STEP);
      }
      case 1 -> {
        return new PlayedSong(song.artistName(), song.title(), song.duration() + SMALLEST_STEP);
      }
      default -> {
        return new PlayedSong(song.artistName(), song.title(), song.duration() + ONE_SECOND);
      }
    }
  }

  private static PlayedSong asPlayed(CatalogueSong song) {
    return new PlayedSong(song.artistName(), song.title(), song.duration());
  }

  private static <T> T pick(List<T> items, SplittableRandom random) {
    return items.get(random.nextInt(items.size()));
  }

  // Squaring a uniform draw makes a few songs popular, as in a real play log.
  private static <T> T skewedPick(List<T> items, SplittableRandom random) {
    double skew = random.nextDouble();
    return items.get((int) (items.size() * skew * skew));
  }
}
