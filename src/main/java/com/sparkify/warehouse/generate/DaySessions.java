package com.sparkify.warehouse.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes one day of good events: plans sessions until the day's count is reached, fills each with
 * pages, and places them in time. A user's sessions are filled and placed in the same order, so
 * that level changes read correctly in time order.
 */
final class DaySessions {

  static final long DAY_MILLIS = 86_400_000L;

  private static final double LOGGED_OUT_SESSION_SHARE = 0.07;
  private static final double GUEST_SESSION_SHARE = 0.02;
  private static final double MEAN_EXTRA_EVENTS = 11.0;
  private static final int MAXIMUM_SESSION_EVENTS = 200;
  private static final double LOGIN_PREFIX_SHARE = 0.25;
  private static final double LOGOUT_SUFFIX_SHARE = 0.2;
  // Of the pages inside a session; login, logout and the like bring the total to about 85%.
  private static final double NEXT_SONG_SHARE = 0.92;
  private static final double SAME_TIMESTAMP_SHARE = 0.08;
  private static final Page[] OTHER_PAGES = {
    Page.HOME,
    Page.HOME,
    Page.HOME,
    Page.HOME,
    Page.SETTINGS,
    Page.SETTINGS,
    Page.ABOUT,
    Page.HELP,
    Page.HELP,
    Page.ERROR
  };
  private static final Page[] ANONYMOUS_PAGES = {
    Page.HOME, Page.HOME, Page.HOME, Page.ABOUT, Page.HELP, Page.ERROR
  };
  private static final Comparator<LogEvent> LOG_ORDER =
      Comparator.<LogEvent>comparingLong(event -> event.ts)
          .thenComparingInt(event -> event.session.id)
          .thenComparingInt(event -> event.itemInSession);

  private final UserPool users;
  private final PlayPicker plays;
  private final SplittableRandom random;
  private int nextSessionId;
  private int sessions;
  private int sameTimestampPairs;
  private int levelChanges;
  private int cancellations;

  DaySessions(UserPool users, PlayPicker plays, SplittableRandom random, int firstSessionId) {
    this.users = users;
    this.plays = plays;
    this.random = random;
    this.nextSessionId = firstSessionId;
  }

  /** The day's events in log order: by ts, then sessionId, then itemInSession. */
  List<LogEvent> events(int day, long dayStartMillis, int eventCount) {
    List<SessionPlan> plans = plan(day, eventCount);
    // Stable: a user's sessions keep their planned order, which becomes their order in time.
    plans.sort(Comparator.comparingInt(SessionPlan::userOrder));
    markSameTimestampSessions(plans);

    List<Session> daySessions = new ArrayList<>(plans.size());
    List<LogEvent> events = new ArrayList<>(eventCount);
    List<SessionPlan> userPlans = new ArrayList<>();
    for (int index = 0; index < plans.size(); index++) {
      SessionPlan plan = plans.get(index);
      Session session = new Session(plan.user, daySessions.size());
      daySessions.add(session);
      plan.session = session;
      plan.events = plan.user == null ? anonymousEvents(session, plan) : userEvents(day, plan);
      events.addAll(plan.events);
      if (plan.user == null) {
        placeAlone(plan);
      } else {
        userPlans.add(plan);
        boolean lastOfUser = index + 1 == plans.size() || plans.get(index + 1).user != plan.user;
        if (lastOfUser) {
          placeInSequence(userPlans);
          userPlans.clear();
        }
      }
    }

    // Session ids grow with start time, so a session that starts where another ends sorts after.
    daySessions.sort(
        Comparator.<Session>comparingLong(session -> session.start)
            .thenComparingInt(session -> session.creationOrder));
    for (Session session : daySessions) {
      session.id = nextSessionId++;
    }
    for (LogEvent event : events) {
      event.ts += dayStartMillis + event.session.start;
    }
    events.sort(LOG_ORDER);
    sessions += daySessions.size();
    return events;
  }

  /** A session id no generated event uses, for the bad records. */
  int unusedSessionId() {
    return nextSessionId++;
  }

  int sessions() {
    return sessions;
  }

  int sameTimestampPairs() {
    return sameTimestampPairs;
  }

  int levelChanges() {
    return levelChanges;
  }

  int cancellations() {
    return cancellations;
  }

  private List<SessionPlan> plan(int day, int eventCount) {
    List<SessionPlan> plans = new ArrayList<>();
    int remaining = eventCount;
    while (remaining > 0) {
      double roll = random.nextDouble();
      User user = roll < LOGGED_OUT_SESSION_SHARE + GUEST_SESSION_SHARE ? null : users.pick(random);
      int length;
      SessionPlan plan;
      if (user == null) {
        length = Math.min(remaining, 1 + random.nextInt(3));
        Auth auth = roll < GUEST_SESSION_SHARE ? Auth.GUEST : Auth.LOGGED_OUT;
        plan = new SessionPlan(null, auth, length);
      } else {
        length = Math.min(remaining, sessionLength());
        plan = new SessionPlan(user, Auth.LOGGED_IN, length);
        if (user.cancelDay >= 0 && user.cancelDay <= day && length >= 2) {
          plan.cancels = true;
          users.retire(user);
          cancellations++;
        }
      }
      plans.add(plan);
      remaining -= length;
    }
    return plans;
  }

  private int sessionLength() {
    double extra = -StrictMath.log(1.0 - random.nextDouble()) * MEAN_EXTRA_EVENTS;
    return 1 + (int) Math.min(MAXIMUM_SESSION_EVENTS - 1, extra);
  }

  /**
   * Picks consecutive sessions of a user where the second starts at the very millisecond the first
   * ends, so two of the user's events share a ts (the job breaks the tie by sessionId).
   */
  private void markSameTimestampSessions(List<SessionPlan> plans) {
    for (int index = 1; index < plans.size(); index++) {
      SessionPlan previous = plans.get(index - 1);
      SessionPlan current = plans.get(index);
      boolean sameUser = current.user != null && current.user == previous.user;
      boolean chosen = random.nextDouble() < SAME_TIMESTAMP_SHARE || sameTimestampPairs == 0;
      if (sameUser && !previous.cancels && chosen) {
        previous.sameTimestampAsNext = true;
        current.sameTimestampAsPrevious = true;
        sameTimestampPairs++;
      }
    }
  }

  private List<LogEvent> userEvents(int day, SessionPlan plan) {
    User user = plan.user;
    Session session = plan.session;
    int cancelEvents = plan.cancels ? 2 : 0;
    boolean loginPrefix =
        !plan.sameTimestampAsPrevious
            && plan.length - cancelEvents >= 4
            && random.nextDouble() < LOGIN_PREFIX_SHARE;
    int prefixEvents = loginPrefix ? 2 : 0;
    boolean logoutSuffix =
        !plan.sameTimestampAsNext
            && !plan.cancels
            && plan.length - prefixEvents >= 4
            && random.nextDouble() < LOGOUT_SUFFIX_SHARE;
    int bodyEvents = plan.length - prefixEvents - (logoutSuffix ? 2 : 0) - cancelEvents;
    int levelChangeAt =
        bodyEvents > 0 && user.levelChangeDue(day) ? random.nextInt(bodyEvents) : -1;

    EventSequence sequence = new EventSequence(session, plan.length);
    if (loginPrefix) {
      // Logged-out events carry no user id or names, but still the level.
      sequence.add(Page.HOME, Auth.LOGGED_OUT, user.level, null);
      sequence.add(Page.LOGIN, Auth.LOGGED_OUT, user.level, null);
    }
    for (int body = 0; body < bodyEvents; body++) {
      if (body == levelChangeAt) {
        boolean upgrade = User.FREE.equals(user.level);
        // As in eventsim, the Submit event still shows the old level; the next ones the new.
        sequence.add(
            upgrade ? Page.SUBMIT_UPGRADE : Page.SUBMIT_DOWNGRADE,
            Auth.LOGGED_IN,
            user.level,
            null);
        user.level = upgrade ? User.PAID : User.FREE;
        user.levelChangesDone++;
        levelChanges++;
      } else if (random.nextDouble() < NEXT_SONG_SHARE) {
        sequence.add(Page.NEXT_SONG, Auth.LOGGED_IN, user.level, plays.next(random));
      } else {
        sequence.add(pick(OTHER_PAGES), Auth.LOGGED_IN, user.level, null);
      }
    }
    if (logoutSuffix) {
      sequence.add(Page.LOGOUT, Auth.LOGGED_IN, user.level, null);
      sequence.add(Page.HOME, Auth.LOGGED_OUT, user.level, null);
    }
    if (plan.cancels) {
      sequence.add(Page.CANCEL, Auth.LOGGED_IN, user.level, null);
      sequence.add(Page.CANCELLATION_CONFIRMATION, Auth.CANCELLED, user.level, null);
    }
    plan.occupiedMillis = sequence.occupiedMillis();
    return sequence.events();
  }

  private List<LogEvent> anonymousEvents(Session session, SessionPlan plan) {
    // Logged-out visitors still show the level of whoever last used the device.
    String level = plan.auth == Auth.GUEST || random.nextDouble() < 0.7 ? User.FREE : User.PAID;
    EventSequence sequence = new EventSequence(session, plan.length);
    for (int index = 0; index < plan.length; index++) {
      sequence.add(pick(ANONYMOUS_PAGES), plan.auth, level, null);
    }
    plan.occupiedMillis = sequence.occupiedMillis();
    return sequence.events();
  }

  private void placeAlone(SessionPlan plan) {
    long occupied = fitInDay(List.of(plan));
    plan.session.start = random.nextLong(DAY_MILLIS - occupied);
  }

  /**
   * Places a user's sessions one after another with random idle time between them, all inside the
   * day; a session marked to share a timestamp starts at its predecessor's last event.
   */
  private void placeInSequence(List<SessionPlan> plans) {
    long occupied = fitInDay(plans);
    long idle = DAY_MILLIS - 1 - occupied;
    long[] idleBefore = new long[plans.size()];
    for (int index = 0; index < idleBefore.length; index++) {
      idleBefore[index] = random.nextLong(idle + 1);
    }
    Arrays.sort(idleBefore);
    long occupiedBefore = 0;
    long previousEnd = 0;
    long previousLastEvent = 0;
    for (int index = 0; index < plans.size(); index++) {
      SessionPlan plan = plans.get(index);
      long start =
          plan.sameTimestampAsPrevious
              ? previousLastEvent
              : Math.max(idleBefore[index] + occupiedBefore, previousEnd);
      plan.session.start = start;
      occupiedBefore += plan.occupiedMillis;
      previousEnd = start + plan.occupiedMillis;
      previousLastEvent = start + plan.events.get(plan.events.size() - 1).ts;
    }
  }

  /**
   * Squeezes the sessions' time offsets when together they would not fit in one day (a very active
   * user on a busy day); returns the time they occupy.
   */
  private static long fitInDay(List<SessionPlan> plans) {
    long occupied = 0;
    for (SessionPlan plan : plans) {
      occupied += plan.occupiedMillis;
    }
    if (occupied < DAY_MILLIS - 1) {
      return occupied;
    }
    double scale = (DAY_MILLIS - 2) / (double) occupied;
    long squeezed = 0;
    for (SessionPlan plan : plans) {
      for (LogEvent event : plan.events) {
        event.ts = (long) (event.ts * scale);
      }
      plan.occupiedMillis = (long) (plan.occupiedMillis * scale);
      squeezed += plan.occupiedMillis;
    }
    return squeezed;
  }

  private Page pick(Page[] pages) {
    return pages[random.nextInt(pages.length)];
  }

  /** Builds a session's events with consecutive itemInSession and offsets from its start. */
  private final class EventSequence {
    private final Session session;
    private final List<LogEvent> events;
    private long offset;

    EventSequence(Session session, int length) {
      this.session = session;
      this.events = new ArrayList<>(length);
    }

    void add(Page page, Auth auth, String level, PlayedSong song) {
      LogEvent event = new LogEvent(session, events.size(), page, auth, level, song);
      event.ts = offset;
      events.add(event);
      // A play lasts its song; other pages take a few seconds to a minute.
      offset +=
          song != null ? song.length() / 100 + random.nextInt(1500) : 1000 + random.nextInt(59_000);
    }

    long occupiedMillis() {
      return offset;
    }

    List<LogEvent> events() {
      return events;
    }
  }

  /** A session to be: who, how long, and how it joins its neighbours in time. */
  private static final class SessionPlan {
    final User user;
    final Auth auth;
    final int length;
    boolean cancels;
    boolean sameTimestampAsPrevious;
    boolean sameTimestampAsNext;
    Session session;
    List<LogEvent> events;
    long occupiedMillis;

    SessionPlan(User user, Auth auth, int length) {
      this.user = user;
      this.auth = auth;
      this.length = length;
    }

    int userOrder() {
      return user == null ? Integer.MAX_VALUE : user.index;
    }
  }
}
