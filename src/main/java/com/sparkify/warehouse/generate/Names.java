package com.sparkify.warehouse.generate;

import java.util.List;
import java.util.SplittableRandom;

/** Word lists and builders for the names, titles, places and ids the generator writes. */
final class Names {

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private static final String[] ADJECTIVES = {
    "Silent", "Electric", "Golden", "Broken", "Velvet", "Midnight", "Crimson", "Hollow", "Neon",
    "Wild", "Lonely", "Burning", "Frozen", "Secret", "Little", "Lost", "Restless", "Bitter",
    "Sweet", "Painted", "Howling", "Distant", "Quiet", "Rusty", "Shining", "Savage", "Gentle",
    "Strange", "Cosmic", "Dusty", "Blue", "Scarlet", "Empty", "Sacred", "Wicked", "Northern"
  };

  private static final String[] NOUNS = {
    "River",
    "Heart",
    "Machine",
    "Garden",
    "Echo",
    "Shadow",
    "Highway",
    "Mirror",
    "Storm",
    "Ocean",
    "Window",
    "Train",
    "Fire",
    "Dream",
    "City",
    "Mountain",
    "Radio",
    "Ghost",
    "Summer",
    "Winter",
    "Desert",
    "Island",
    "Satellite",
    "Harbor",
    "Engine",
    "Forest",
    "Letter",
    "Circus",
    "Lantern",
    "Thunder",
    "Valley",
    "Signal",
    "Candle",
    "Horizon",
    "Canyon",
    "Comet"
  };

  private static final String[] VERBS = {
    "Dancing", "Running", "Falling", "Waiting", "Calling", "Dreaming", "Driving", "Burning",
    "Singing", "Breaking", "Holding", "Chasing", "Fading", "Walking", "Flying", "Sleeping"
  };

  private static final String[] VERB_BASES = {
    "Dance", "Run", "Fall", "Wait", "Call", "Dream", "Drive", "Burn", "Sing", "Break", "Hold",
    "Chase", "Fade", "Walk", "Fly", "Sleep"
  };

  private static final String[] TITLE_SUFFIXES = {
    "", "", "", "", "", " (Album Version)", " (Live)", " (Remix)", " (Acoustic)", " (LP Version)"
  };

  private static final String[] MALE_FIRST_NAMES = {
    "Aiden", "Jacob", "Ryan", "Kevin", "Tegan", "Lucas", "Jayden", "Samuel", "Elijah", "Wyatt",
    "Theodore", "Mason", "Dylan", "Jordan", "Colm", "Mohammad", "Rylan", "Liam", "Noah", "Owen"
  };

  private static final String[] FEMALE_FIRST_NAMES = {
    "Lily", "Chloe", "Kate", "Ava", "Sara", "Isabella", "Layla", "Jacqueline", "Kinsley",
    "Aleena", "Zoe", "Harper", "Emma", "Stella", "Anabelle", "Lily-Rose", "Morris", "Ruby"
  };

  private static final String[] LAST_NAMES = {
    "Koch", "Levine", "Harrell", "Cruz", "Smith", "Johnson", "Montgomery", "Rodriguez", "Kirby",
    "Lynch", "Hogan", "Patel", "Nguyen", "O'Brien", "Garrison", "Benton", "Jones", "Williams",
    "Brown", "Miller", "Davis", "Garcia", "Wilson", "Anderson", "Thomas", "Taylor", "Moore"
  };

  private static final String[] USER_LOCATIONS = {
    "San Francisco-Oakland-Hayward, CA",
    "Atlanta-Sandy Springs-Roswell, GA",
    "Lansing-East Lansing, MI",
    "Chicago-Naperville-Elgin, IL-IN-WI",
    "Portland-Vancouver-Hillsboro, OR-WA",
    "New York-Newark-Jersey City, NY-NJ-PA",
    "Houston-The Woodlands-Sugar Land, TX",
    "Tampa-St. Petersburg-Clearwater, FL",
    "Birmingham-Hoover, AL",
    "Detroit-Warren-Dearborn, MI",
    "Janesville-Beloit, WI",
    "Red Bluff, CA",
    "Lake Havasu City-Kingman, AZ",
    "Winston-Salem, NC",
    "Boston-Cambridge-Newton, MA-NH",
    "Seattle-Tacoma-Bellevue, WA",
    "Marinette, WI-MI"
  };

  private static final String[] USER_AGENTS = {
    "\"Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/36.0.1985.143 Safari/537.36\"",
    "\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/36.0.1985.143 Safari/537.36\"",
    "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:31.0) Gecko/20100101 Firefox/31.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.9; rv:31.0) Gecko/20100101 Firefox/31.0",
    "\"Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2"
        + " (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53\"",
    "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; WOW64; Trident/6.0)",
    "\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Ubuntu Chromium/36.0.1985.125 Chrome/36.0.1985.125 Safari/537.36\""
  };

  /** Artist places; coordinates are in hundred-thousandths of a degree. */
  private static final List<Place> PLACES =
      List.of(
          new Place("New York, NY", 4_071_455L, -7_400_712L),
          new Place("Los Angeles, CA", 3_405_349L, -11_824_532L),
          new Place("Memphis, TN", 3_514_968L, -9_004_892L),
          new Place("London, England", 5_150_722L, -12_758L),
          new Place("Chicago, IL", 4_188_415L, -8_763_241L),
          new Place("Houston, TX", 2_976_019L, -9_536_938L),
          new Place("Hamilton, Ohio", 3_939_934L, -8_456_191L),
          new Place("California - LA", 3_405_349L, -11_824_532L),
          new Place("Seattle, WA", 4_760_356L, -12_232_944L),
          new Place("Detroit, MI", 4_233_168L, -8_304_792L),
          new Place("Paris, France", 4_885_693L, 235_173L),
          new Place("Reykjavík, Iceland", 6_414_659L, -2_194_247L),
          new Place("Tokyo, Japan", 3_568_959L, 13_969_171L),
          new Place("São Paulo, Brazil", -2_355_052L, -4_663_331L),
          new Place("Nashville, TN", 3_616_778L, -8_677_818L),
          new Place("Kingston, Jamaica", 1_801_787L, -7_680_993L));

  private Names() {}

  /** A place an artist comes from. */
  record Place(String location, long latitude, long longitude) {}

  static String alphanumeric(SplittableRandom random, int length) {
    char[] characters = new char[length];
    for (int index = 0; index < length; index++) {
      characters[index] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
    }
    return new String(characters);
  }

  /**
   * A track id like {@code TRAAAAW128F429D538}. Its folder letters (characters 2 to 4) stay in
   * {@code A/A/A .. A/B/Z} like the public bucket, so the tree has few, well-filled folders.
   */
  static String trackId(SplittableRandom random) {
    return "TRA"
        + (char) ('A' + random.nextInt(2))
        + (char) ('A' + random.nextInt(26))
        + alphanumeric(random, 13);
  }

  static String artistName(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> "The " + pick(random, ADJECTIVES) + " " + plural(pick(random, NOUNS));
      case 1 -> firstName(random, random.nextBoolean() ? "M" : "F") + " " + lastName(random);
      case 2 ->
          firstName(random, "M") + " " + lastName(random) + " & The " + plural(pick(random, NOUNS));
      case 3 -> "DJ " + pick(random, NOUNS);
      case 4 -> pick(random, NOUNS) + " " + pick(random, NOUNS);
      default -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
    };
  }

  static String songTitle(SplittableRandom random) {
    String core =
        switch (random.nextInt(5)) {
          case 0 -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
          case 1 -> pick(random, VERBS) + " in the " + pick(random, NOUNS);
          case 2 ->
              pick(random, NOUNS)
                  + " of the "
                  + pick(random, ADJECTIVES)
                  + " "
                  + pick(random, NOUNS);
          case 3 -> "I Didn't Mean To " + pick(random, VERB_BASES);
          default -> pick(random, VERBS) + " " + pick(random, NOUNS);
        };
    return core + pick(random, TITLE_SUFFIXES);
  }

  private static String plural(String noun) {
    if (noun.endsWith("y") && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    return noun + "s";
  }

  static String firstName(SplittableRandom random, String gender) {
    return pick(random, "M".equals(gender) ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
  }

  static String lastName(SplittableRandom random) {
    return pick(random, LAST_NAMES);
  }

  static String userLocation(SplittableRandom random) {
    return pick(random, USER_LOCATIONS);
  }

  static String userAgent(SplittableRandom random) {
    return pick(random, USER_AGENTS);
  }

  static Place place(SplittableRandom random) {
    return PLACES.get(random.nextInt(PLACES.size()));
  }

  static String pick(SplittableRandom random, String[] words) {
    return words[random.nextInt(words.length)];
  }
}
