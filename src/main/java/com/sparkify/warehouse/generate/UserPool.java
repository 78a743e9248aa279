package com.sparkify.warehouse.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The log's listeners, and a weighted draw of who starts the next session. The first four users
 * carry the quirks the tests look for (three level-change patterns and a cancellation) and are the
 * most active, so that these happen in any run of a reasonable size.
 */
final class UserPool {

  // About 100 users for the 8,056 events of the public sample.
  private static final double USERS_PER_EVENT = 100.0 / 8000;
  private static final int MINIMUM_USERS = 5;
  private static final double PAID_SHARE = 0.2;
  private static final double UPGRADE_SHARE = 0.15;
  private static final double DOWNGRADE_AFTER_UPGRADE_SHARE = 0.35;
  private static final double DOWNGRADE_SHARE = 0.1;
  private static final double CANCEL_SHARE = 0.03;
  private static final int DESIGNATED_USERS = 4;
  private static final double DESIGNATED_WEIGHT = 6.0;
  private static final long MAXIMUM_REGISTRATION_AGE = 180L * 86_400_000L;

  private final List<User> users;
  private final double[] weights;
  private final double[] cumulativeWeights;

  private UserPool(List<User> users, double[] weights) {
    this.users = users;
    this.weights = weights;
    this.cumulativeWeights = new double[weights.length];
    accumulate();
  }

  static UserPool create(int events, int days, long firstDayMillis, SplittableRandom random) {
    int count = Math.max(MINIMUM_USERS, (int) Math.round(events * USERS_PER_EVENT));
    int[] ids = distinctIds(count, random);
    List<User> users = new ArrayList<>(count);
    double[] weights = new double[count];
    for (int index = 0; index < count; index++) {
      String gender = random.nextBoolean() ? "M" : "F";
      String level =
          switch (index) {
            case 0, 1 -> User.FREE;
            case 2 -> User.PAID;
            default -> random.nextDouble() < PAID_SHARE ? User.PAID : User.FREE;
          };
      User user =
          new User(
              index,
              Integer.toString(ids[index]),
              Names.firstName(random, gender),
              Names.lastName(random),
              gender,
              Names.userLocation(random),
              Names.userAgent(random),
              firstDayMillis - 1 - random.nextLong(MAXIMUM_REGISTRATION_AGE),
              level);
      user.levelChangeDays = levelChangeDays(index, level, days, random);
      double cancelRoll = random.nextDouble();
      if (index == DESIGNATED_USERS - 1) {
        // At least one "Cancelled" event, late in the range so the user has a history first.
        user.cancelDay = days * 3 / 4;
      } else if (index >= DESIGNATED_USERS && cancelRoll < CANCEL_SHARE) {
        user.cancelDay = random.nextInt(days);
      }
      weights[index] =
          index < DESIGNATED_USERS
              ? DESIGNATED_WEIGHT
              : 0.2 + 3 * StrictMath.pow(random.nextDouble(), 3);
      users.add(user);
    }
    return new UserPool(users, weights);
  }

  private static int[] levelChangeDays(int index, String level, int days, SplittableRandom random) {
    switch (index) {
      case 0 -> {
        // free -> paid -> free: the latest level is free although the user paid in between.
        return new int[] {days / 3, 2 * days / 3};
      }
      case 1, 2 -> {
        return new int[] {days / 2};
      }
      default -> {
        double roll = random.nextDouble();
        int firstDay = random.nextInt(days);
        int secondDay = firstDay + 1 + random.nextInt(days);
        if (User.FREE.equals(level) && roll < UPGRADE_SHARE) {
          return roll < UPGRADE_SHARE * DOWNGRADE_AFTER_UPGRADE_SHARE
              ? new int[] {firstDay, secondDay}
              : new int[] {firstDay};
        }
        if (User.PAID.equals(level) && roll < DOWNGRADE_SHARE) {
          return new int[] {firstDay};
        }
        return new int[0];
      }
    }
  }

  /** Ids as in the sample: small distinct integers with gaps, in ascending order. */
  private static int[] distinctIds(int count, SplittableRandom random) {
    int poolSize = count + count / 4 + 1;
    int[] pool = new int[poolSize];
    for (int index = 0; index < poolSize; index++) {
      pool[index] = index + 2;
    }
    for (int index = 0; index < count; index++) {
      int other = index + random.nextInt(poolSize - index);
      int swap = pool[index];
      pool[index] = pool[other];
      pool[other] = swap;
    }
    int[] ids = Arrays.copyOf(pool, count);
    Arrays.sort(ids);
    return ids;
  }

  List<User> users() {
    return users;
  }

  int size() {
    return users.size();
  }

  /** The user who starts the next session, or null when every account is cancelled. */
  User pick(SplittableRandom random) {
    double total = cumulativeWeights[cumulativeWeights.length - 1];
    if (total <= 0) {
      return null;
    }
    double target = random.nextDouble() * total;
    int low = 0;
    int high = cumulativeWeights.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulativeWeights[middle] > target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return users.get(low);
  }

  /** A cancelled user starts no more sessions. */
  void retire(User user) {
    user.cancelled = true;
    weights[user.index] = 0;
    accumulate();
  }

  private void accumulate() {
    double sum = 0;
    for (int index = 0; index < weights.length; index++) {
      sum += weights[index];
      cumulativeWeights[index] = sum;
    }
  }
}
