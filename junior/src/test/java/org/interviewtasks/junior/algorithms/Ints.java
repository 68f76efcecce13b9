package org.interviewtasks.junior.algorithms;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Test tables write int arrays as space-separated text; this reads them. */
final class Ints {

  private Ints() {}

  /** The space-separated ints of {@code text}; none for null or blank text (an empty CSV cell). */
  static int[] parse(String text) {
    return text == null || text.isBlank()
        ? new int[0]
        : Arrays.stream(text.strip().split("\\s+")).mapToInt(Integer::parseInt).toArray();
  }

  /** The ints as an array of Integers. */
  static Integer[] boxed(int[] numbers) {
    return IntStream.of(numbers).boxed().toArray(Integer[]::new);
  }
}
