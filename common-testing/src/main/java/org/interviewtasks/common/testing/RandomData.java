package org.interviewtasks.common.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Generators for property tests; the caller owns the seeded {@link RandomGenerator}. */
public final class RandomData {

  /**
   * Code points a random text draws from: ASCII letters, digits, spaces and punctuation, accented
   * Latin, Cyrillic, Greek, CJK, combining marks, non-ASCII whitespace and emoji outside the Basic
   * Multilingual Plane (surrogate pairs in UTF-16).
   */
  private static final int[] ALPHABET =
      "aAbBzZ09 \t\n.,;!?'\"-()éÉüßñçøЖжЯяΣσςΩ中文字😀🎉𝔘👍\u0301\u00a0\u2003«»—…"
          .codePoints()
          .toArray();

  private RandomData() {}

  /** An array of {@code 0..maxLength} ints in {@code [-bound, bound]}. */
  public static int[] ints(RandomGenerator random, int maxLength, int bound) {
    int[] values = new int[random.nextInt(maxLength + 1)];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(-bound, bound + 1);
    }
    return values;
  }

  /** A list of {@code 0..maxLength} Integers in {@code [-bound, bound]}. */
  public static List<Integer> intList(RandomGenerator random, int maxLength, int bound) {
    List<Integer> values = new ArrayList<>();
    for (int value : ints(random, maxLength, bound)) {
      values.add(value);
    }
    return values;
  }

  /** A string of {@code 0..maxCodePoints} code points drawn from a mixed-script alphabet. */
  public static String text(RandomGenerator random, int maxCodePoints) {
    return text(random, maxCodePoints, ALPHABET);
  }

  /** A string of {@code 0..maxCodePoints} code points drawn from the given alphabet. */
  public static String text(RandomGenerator random, int maxCodePoints, int[] alphabet) {
    int length = random.nextInt(maxCodePoints + 1);
    StringBuilder text = new StringBuilder(length * 2);
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
    }
    return text.toString();
  }

  /** The code points of a string, for use as an alphabet. */
  public static int[] alphabet(String characters) {
    return characters.codePoints().toArray();
  }
}
