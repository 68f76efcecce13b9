package org.interviewtasks.senior.advanced.memoization;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.function.Function;
import org.interviewtasks.mid.core.MemoizedFactorial;

/**
 * A later run, in its own JVM, for {@link PersistentMemoizationTest}: computes n! for n in {@code
 * [from, to]} through the store and prints {@code computations=<c> hits=<h> sum=<sum of digits>}.
 *
 * <p>Usage: {@code MemoChild <database file> <from> <to>}.
 */
final class MemoChild {

  private MemoChild() {}

  public static void main(String... args) {
    try (PersistentMemoization store = PersistentMemoization.open(Path.of(args[0]))) {
      MemoizedFactorial inner = new MemoizedFactorial();
      Function<Integer, BigInteger> factorial =
          store.memoize("factorial", 1, inner::factorial, BigInteger.class);
      long digits = 0;
      for (int n = Integer.parseInt(args[1]); n <= Integer.parseInt(args[2]); n++) {
        digits += factorial.apply(n).toString().chars().map(c -> c - '0').sum();
      }
      PersistentMemoization.Stats stats = store.stats();
      System.out.println(
          "computations=" + stats.computations() + " hits=" + stats.hits() + " sum=" + digits);
    }
  }
}
