package org.interviewtasks.junior.algorithms;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Formatting shared by the tasks' {@code main} methods. */
final class Cli {

  private Cli() {}

  /** The numbers separated by single spaces, e.g. {@code "1 -2 3"}; empty for none. */
  static String join(int... numbers) {
    return IntStream.of(numbers).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }
}
