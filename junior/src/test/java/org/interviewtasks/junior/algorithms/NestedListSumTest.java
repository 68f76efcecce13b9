package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class NestedListSumTest {

  @Nested
  class Integers {

    @Test
    void sumsAtEveryDepth() {
      assertThat(NestedListSum.sum(List.of(1, List.of(2, 3), List.of(List.of(4)), List.of())))
          .isEqualTo(10);
      assertThat(NestedListSum.sum(List.of(List.of(List.of(7)), 8))).isEqualTo(15);
      assertThat(NestedListSum.sum(List.of(-5, List.of(5)))).isZero();
      assertThat(NestedListSum.sum(List.of(List.of(1, 2), List.of(3, 4), 5))).isEqualTo(15);
    }

    @Test
    void emptyListsAddNothing() {
      assertThat(NestedListSum.sum(List.of())).isZero();
      assertThat(NestedListSum.sum(List.of(List.of(List.of()), List.of()))).isZero();
    }

    @Test
    void acceptsEveryIntegerType() {
      assertThat(NestedListSum.sum(List.of((byte) 1, (short) 2, 3, List.of(4L)))).isEqualTo(10);
      assertThat(NestedListSum.sum(List.of(Integer.MAX_VALUE, Integer.MAX_VALUE)))
          .isEqualTo(2L * Integer.MAX_VALUE);
      assertThat(NestedListSum.sum(List.of(Long.MAX_VALUE, -1L, 1))).isEqualTo(Long.MAX_VALUE);
      assertThat(NestedListSum.sum(List.of(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void countsTheSameListTwiceWhenItAppearsTwice() {
      List<Integer> shared = List.of(5, 6);

      assertThat(NestedListSum.sum(List.of(shared, List.of(shared), shared))).isEqualTo(33);
    }

    @Test
    void reportsOverflowWithThePath() {
      assertThatThrownBy(() -> NestedListSum.sum(List.of(1, List.of(Long.MAX_VALUE))))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("the sum overflows a long at [1][0]; use sumDecimal")
          .hasCauseInstanceOf(ArithmeticException.class);
      assertThatThrownBy(() -> NestedListSum.sum(List.of(Long.MIN_VALUE, List.of(List.of(-1)))))
          .isInstanceOf(ArithmeticException.class)
          .hasMessage("the sum overflows a long at [1][0][0]; use sumDecimal");
    }

    @Test
    void rejectsNonIntegersWithPathAndType() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sum(List.of(1, List.of(2, List.of("x")))))
          .withMessage("not a number at [1][1][0]: java.lang.String");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sum(List.of(List.of(), 2.5)))
          .withMessage("not an integer at [1]: java.lang.Double");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sum(List.of(BigInteger.ONE)))
          .withMessage("not an integer at [0]: java.math.BigInteger");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sum(List.of(new HashSet<>(List.of(1)))))
          .withMessage("not a number at [0]: java.util.HashSet");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.NestedListSumTest#seeds")
    void agreesWithARecursiveSum(long seed) {
      List<Object> nested = randomNested(new SplittableRandom(seed), 4);

      assertThat(NestedListSum.sum(nested)).as("%s", nested).isEqualTo(recursiveSum(nested));
    }
  }

  @Nested
  class Decimals {

    @Test
    void addsEveryKindOfNumberExactly() {
      List<Object> nested =
          List.of(
              (byte) 1,
              List.of((short) 2, 3, 4L),
              List.of(new BigInteger("1000000000000000000000000000000"), new BigDecimal("0.5")),
              List.of(List.of(0.25, 0.125f)));

      assertThat(NestedListSum.sumDecimal(nested))
          .isEqualTo(new BigDecimal("1000000000000000000000000000010.875"));
    }

    @Test
    void countsADoubleAsTheDecimalItPrintsAs() {
      assertThat(NestedListSum.sumDecimal(List.of(0.1, List.of(0.2))))
          .isEqualTo(new BigDecimal("0.3"));
      assertThat(NestedListSum.sumDecimal(List.of(0.1f, 0.2f))).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void doesNotOverflow() {
      assertThat(NestedListSum.sumDecimal(List.of(Long.MAX_VALUE, List.of(Long.MAX_VALUE))))
          .isEqualTo(new BigDecimal("18446744073709551614"));
    }

    @Test
    void emptyListsSumToZero() {
      assertThat(NestedListSum.sumDecimal(List.of(List.of(), List.of(List.of()))))
          .isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void rejectsNonFiniteAndUnsupportedNumbers() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(1, List.of(Double.NaN))))
          .withMessage("NaN at [1][0] is not finite");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(Double.NEGATIVE_INFINITY)))
          .withMessage("-Infinity at [0] is not finite");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(List.of(Float.POSITIVE_INFINITY))))
          .withMessage("Infinity at [0][0] is not finite");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(Float.NaN)))
          .withMessage("NaN at [0] is not finite");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(new AtomicInteger(1))))
          .withMessage("not a supported number at [0]: java.util.concurrent.atomic.AtomicInteger");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(1, 'c')))
          .withMessage("not a number at [1]: java.lang.Character");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.algorithms.NestedListSumTest#seeds")
    void agreesWithTheLongSum(long seed) {
      List<Object> nested = randomNested(new SplittableRandom(seed), 4);

      assertThat(NestedListSum.sumDecimal(nested))
          .isEqualTo(BigDecimal.valueOf(NestedListSum.sum(nested)));
    }
  }

  @Nested
  class Structure {

    @Test
    void handlesNestingFarDeeperThanTheStackAllows() {
      Object nested = List.of(1);
      for (int depth = 1; depth < 200_000; depth++) {
        nested = List.of(nested, depth % 2);
      }

      assertThat(NestedListSum.sum((List<?>) nested)).isEqualTo(100_001);
    }

    @Test
    void rejectsNullsWithThePath() {
      assertThatNullPointerException()
          .isThrownBy(() -> NestedListSum.sum(null))
          .withMessage("nested");
      assertThatNullPointerException()
          .isThrownBy(() -> NestedListSum.sumDecimal(null))
          .withMessage("nested");
      assertThatNullPointerException()
          .isThrownBy(() -> NestedListSum.sum(Arrays.asList(1, Arrays.asList(2, null))))
          .withMessage("null element at [1][1]");
      assertThatNullPointerException()
          .isThrownBy(() -> NestedListSum.sumDecimal(Arrays.asList((Object) null)))
          .withMessage("null element at [0]");
    }

    @Test
    void rejectsAListThatContainsItself() {
      List<Object> self = new ArrayList<>(List.of(1));
      self.add(self);
      List<Object> outer = new ArrayList<>(List.of(2));
      List<Object> inner = new ArrayList<>(List.of(3, outer));
      outer.add(inner);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sum(self))
          .withMessage("the list at [1] contains itself: a cycle");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.sumDecimal(List.of(List.of(), outer)))
          .withMessage("the list at [1][1][1] contains itself: a cycle");
    }
  }

  @Nested
  class Main {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = ';',
        value = {
          "[1, [2.5, 3], [[4]], []]; 10.5",
          "[]; 0",
          "[[[]]]; 0",
          "[1 2 3]; 6",
          "[ -1 , [ 1e2 ] ]; 99",
          "[0.1, 0.2]; 0.3"
        })
    void printsTheSumOfABracketedList(String list, String expected) throws Exception {
      var printed = StdStreams.capture(() -> NestedListSum.main(list));

      assertThat(printed.out()).isEqualTo(expected + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = ';',
        quoteCharacter = '"',
        value = {
          "1, 2; '1' outside the brackets: '1, 2'",
          "[1]]; ']' outside the brackets: '[1]]'",
          "[1] [2]; text after the outermost list: '[1] [2]'",
          "[1, [2]; not a bracketed list: '[1, [2]'",
          "\"   \"; not a bracketed list: '   '",
          "[1, x]; not a number: 'x'"
        })
    void rejectsMalformedLists(String list, String message) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.main(list))
          .withMessage(message);
    }

    @Test
    void needsExactlyOneArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(NestedListSum::main)
          .withMessage("usage: junior.algorithms.10 '<list, e.g. [1, [2, 3]]>'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NestedListSum.main("[1]", "[2]"))
          .withMessageStartingWith("usage: junior.algorithms.10");
    }
  }

  /** A random list of ints and lists, nested up to {@code depth} levels. */
  private static List<Object> randomNested(SplittableRandom random, int depth) {
    List<Object> list = new ArrayList<>();
    int size = random.nextInt(5);
    for (int i = 0; i < size; i++) {
      if (depth > 0 && random.nextInt(3) == 0) {
        list.add(randomNested(random, depth - 1));
      } else {
        list.add(
            random.nextBoolean()
                ? random.nextInt(-100, 101)
                : random.nextLong(-1L << 40, 1L << 40));
      }
    }
    return list;
  }

  /** The oracle: the textbook recursion, fine at the small depths of the random lists. */
  private static long recursiveSum(Object element) {
    if (element instanceof List<?> list) {
      long sum = 0;
      for (Object e : list) {
        sum += recursiveSum(e);
      }
      return sum;
    }
    return ((Number) element).longValue();
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
