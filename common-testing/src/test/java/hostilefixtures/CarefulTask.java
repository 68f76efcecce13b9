package hostilefixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.interviewtasks.common.Task;
import org.interviewtasks.common.TaskExit;

/** A fixture task that handles every hostile input: the contracts must pass it. */
@Task(id = "junior.fixture.1", title = "Careful", usage = "[word]   at most one word")
public final class CarefulTask {
  private CarefulTask() {}

  /** Echoes one word; more is a usage error, "-1" a reported failure. */
  public static void main(String... args) {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: junior.fixture.1 [word]");
    }
    if (args.length == 1 && args[0].equals("-1")) {
      System.err.println("error: -1 is no word");
      throw new TaskExit(1);
    }
    if (args.length == 1 && args[0].equals("NaN")) {
      // A program may write a file named by its argument: the contract removes what it made.
      try {
        Files.writeString(Path.of("hostile-fixture-NaN.txt"), "not a number");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    System.out.println(args.length == 0 ? "" : args[0].length());
    System.out.write('\n');
  }

  /** Names its arguments of every kind the API contract knows; answers with their count. */
  @SuppressWarnings("UnusedVariable") // the parameters are the point
  public static int kinds(
      long[] longs,
      double[] doubles,
      BigInteger big,
      BigDecimal decimal,
      List<String> list,
      Set<String> set,
      Map<String, String> map,
      Collection<String> collection,
      Iterable<String> iterable,
      Path path,
      int[] ints,
      CharSequence chars,
      Integer boxedInt,
      Long boxedLong,
      Double boxedDouble,
      float f,
      char c,
      byte b,
      short s,
      boolean flag) {
    Object[] references = {
      longs,
      doubles,
      big,
      decimal,
      list,
      set,
      map,
      collection,
      iterable,
      path,
      ints,
      chars,
      boxedInt,
      boxedLong,
      boxedDouble
    };
    for (int i = 0; i < references.length; i++) {
      Objects.requireNonNull(references[i], "argument " + (i + 1));
    }
    return references.length + 5;
  }

  /** {@code n} doubled, for n in 0..1000. */
  public static int twice(int n) {
    if (n < 0 || n > 1000) {
      throw new IllegalArgumentException("n must be in 0..1000: " + n);
    }
    return 2 * n;
  }

  /** The length of a text, and of each element of some words. */
  public static long length(String text, String[] words, double weight, long bias) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(words, "words");
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be finite: " + weight);
    }
    long total = text.length();
    for (String word : words) {
      total += Objects.requireNonNull(word, "a word").length();
    }
    return total;
  }
}
