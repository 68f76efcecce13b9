package org.interviewtasks.mid.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BinarySearchTest {

  static final int[] SAMPLE = {1, 3, 3, 3, 5, 8, 8, 13};

  static int[] ints(String csv) {
    return csv.isBlank()
        ? new int[0]
        : Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
  }

  @Nested
  class SortedArrays {

    @ParameterizedTest(name = "key {0}: first {1}, last {2}, count {3}, floor {4}, ceiling {5}")
    @CsvSource({
      "3, 1, 3, 3, 3, 1",
      "8, 5, 6, 2, 6, 5",
      "1, 0, 0, 1, 0, 0",
      "13, 7, 7, 1, 7, 7",
      "4, -1, -1, 0, 3, 4",
      "0, -1, -1, 0, -1, 0",
      "14, -1, -1, 0, 7, -1",
      "-2147483648, -1, -1, 0, -1, 0",
      "2147483647, -1, -1, 0, 7, -1"
    })
    void answersEveryVariant(int key, int first, int last, int count, int floor, int ceiling) {
      assertThat(BinarySearch.firstOccurrence(SAMPLE, key)).isEqualTo(first);
      assertThat(BinarySearch.lastOccurrence(SAMPLE, key)).isEqualTo(last);
      assertThat(BinarySearch.count(SAMPLE, key)).isEqualTo(count);
      assertThat(BinarySearch.floor(SAMPLE, key))
          .isEqualTo(floor < 0 ? OptionalInt.empty() : OptionalInt.of(floor));
      assertThat(BinarySearch.ceiling(SAMPLE, key))
          .isEqualTo(ceiling < 0 ? OptionalInt.empty() : OptionalInt.of(ceiling));
    }

    @Test
    void anEmptyArrayHasNothing() {
      int[] empty = {};

      assertThat(BinarySearch.firstOccurrence(empty, 1)).isEqualTo(-1);
      assertThat(BinarySearch.lastOccurrence(empty, 1)).isEqualTo(-1);
      assertThat(BinarySearch.count(empty, 1)).isZero();
      assertThat(BinarySearch.countBetween(empty, 0, 9)).isZero();
      assertThat(BinarySearch.floor(empty, 1)).isEmpty();
      assertThat(BinarySearch.ceiling(empty, 1)).isEmpty();
    }

    @Test
    void aMillionDuplicatesAreCountedInLogarithmicTime() {
      int[] same = new int[1_000_000];
      Arrays.fill(same, 7);

      assertThat(BinarySearch.firstOccurrence(same, 7)).isZero();
      assertThat(BinarySearch.lastOccurrence(same, 7)).isEqualTo(999_999);
      assertThat(BinarySearch.count(same, 7)).isEqualTo(1_000_000);
    }

    @ParameterizedTest(name = "[{0}, {1}] holds {2}")
    @CsvSource({"3, 8, 6", "0, 100, 8", "4, 4, 0", "3, 3, 3", "9, 12, 0", "13, 20, 1", "-5, 1, 1"})
    void countsARange(int from, int to, int expected) {
      assertThat(BinarySearch.countBetween(SAMPLE, from, to)).isEqualTo(expected);
    }

    @Test
    void rejectsAnEmptyRangeAndNulls() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.countBetween(SAMPLE, 5, 4))
          .withMessage("empty range: from 5 > to 4");
      assertThatNullPointerException()
          .isThrownBy(() -> BinarySearch.lastOccurrence(null, 1))
          .withMessage("sorted");
      assertThatNullPointerException()
          .isThrownBy(() -> BinarySearch.firstOccurrence(null, 1))
          .withMessage("sorted");
    }
  }

  @Nested
  class OnTheAnswer {

    @Test
    void findsTheFirstTrueOfAMonotonePredicate() {
      assertThat(BinarySearch.firstTrue(0, 100, x -> x * x >= 50)).hasValue(8);
      assertThat(BinarySearch.firstTrue(0, 100, x -> true)).hasValue(0);
      assertThat(BinarySearch.firstTrue(0, 100, x -> x >= 100)).hasValue(100);
      assertThat(BinarySearch.firstTrue(0, 100, x -> false)).isEmpty();
      assertThat(BinarySearch.firstTrue(5, 5, x -> x == 5)).hasValue(5);
      assertThat(BinarySearch.firstTrue(5, 5, x -> false)).isEmpty();
    }

    @ParameterizedTest(name = "first x >= {0}")
    @CsvSource({
      "-9223372036854775808",
      "-9223372036854775807",
      "-1",
      "0",
      "1",
      "9223372036854775806",
      "9223372036854775807"
    })
    void coversTheWholeLongRangeWithoutOverflow(long threshold) {
      assertThat(BinarySearch.firstTrue(Long.MIN_VALUE, Long.MAX_VALUE, x -> x >= threshold))
          .hasValue(threshold);
    }

    @Test
    void makesLogarithmicallyManyEvaluations() {
      AtomicInteger evaluations = new AtomicInteger();

      BinarySearch.firstTrue(
          Long.MIN_VALUE,
          Long.MAX_VALUE,
          x -> {
            evaluations.incrementAndGet();
            return x >= 12_345;
          });

      assertThat(evaluations.get()).isBetween(64, 66);
    }

    @Test
    void rejectsAnEmptyRangeAndANullPredicate() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.firstTrue(2, 1, x -> true))
          .withMessage("empty range: lo 2 > hi 1");
      assertThatNullPointerException()
          .isThrownBy(() -> BinarySearch.firstTrue(0, 1, null))
          .withMessage("predicate");
    }

    @ParameterizedTest(name = "isqrt({0}) = {1}")
    @CsvSource({
      "0, 0",
      "1, 1",
      "2, 1",
      "3, 1",
      "4, 2",
      "99, 9",
      "100, 10",
      "10000000000000000, 100000000",
      "9999999999999999, 99999999",
      "9223372030926249000, 3037000498",
      "9223372030926249001, 3037000499",
      "9223372036854775807, 3037000499"
    })
    void integerSquareRoots(long n, long root) {
      assertThat(BinarySearch.isqrt(n)).isEqualTo(root);
    }

    @Test
    void aDoubleSquareRootWouldBeWrongWhereIsqrtIsNot() {
      long n = 9_999_999_999_999_999L; // 10^16 − 1, above 2^53: as a double it rounds to 10^16
      assertThat((long) Math.sqrt((double) n)).isEqualTo(100_000_000L);
      assertThat(BinarySearch.isqrt(n)).isEqualTo(99_999_999L);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.isqrt(-1))
          .withMessage("no square root of a negative number: -1");
    }

    @ParameterizedTest(name = "{0} in {1} days: {2}")
    @CsvSource(
        delimiter = ';',
        value = {
          "1,2,3,4,5,6,7,8,9,10; 5; 15",
          "3,2,2,4,1,4; 3; 6",
          "1,2,3,1,1; 4; 3",
          "10; 1; 10",
          "10; 5; 10",
          "1,1,1,1; 1; 4",
          "1,1,1,1; 4; 1",
          "1,1,1,1; 9; 1",
          "7,2,5,10,8; 2; 18"
        })
    void shipsWithTheSmallestCapacity(String weights, int days, long expected) {
      assertThat(BinarySearch.minimumCapacity(ints(weights), days)).isEqualTo(expected);
    }

    @Test
    void heavyParcelsDoNotOverflow() {
      int[] weights = new int[4];
      Arrays.fill(weights, Integer.MAX_VALUE);

      assertThat(BinarySearch.minimumCapacity(weights, 1)).isEqualTo(4L * Integer.MAX_VALUE);
      assertThat(BinarySearch.minimumCapacity(weights, 2)).isEqualTo(2L * Integer.MAX_VALUE);
    }

    @Test
    void rejectsImpossibleShipments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.minimumCapacity(new int[0], 1))
          .withMessage("no parcels to ship");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.minimumCapacity(new int[] {1}, 0))
          .withMessage("days must be at least 1, was 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.minimumCapacity(new int[] {1, 0}, 1))
          .withMessage("weight at index 1 must be positive, was 0");
      assertThatNullPointerException()
          .isThrownBy(() -> BinarySearch.minimumCapacity(null, 1))
          .withMessage("weights");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithLinearScans(long seed) {
    var random = new SplittableRandom(seed);
    int[] sorted = random.ints(random.nextInt(0, 40), -10, 11).sorted().toArray();
    int key = random.nextInt(-12, 13);
    int from = random.nextInt(-12, 13);
    int to = random.nextInt(from, 14);

    int first =
        IntStream.range(0, sorted.length).filter(i -> sorted[i] == key).findFirst().orElse(-1);
    int last =
        IntStream.range(0, sorted.length)
            .filter(i -> sorted[i] == key)
            .reduce((a, b) -> b)
            .orElse(-1);
    OptionalInt floor =
        IntStream.range(0, sorted.length).filter(i -> sorted[i] <= key).reduce((a, b) -> b);
    OptionalInt ceiling =
        IntStream.range(0, sorted.length).filter(i -> sorted[i] >= key).findFirst();

    assertThat(BinarySearch.firstOccurrence(sorted, key)).isEqualTo(first);
    assertThat(BinarySearch.lastOccurrence(sorted, key)).isEqualTo(last);
    assertThat(BinarySearch.count(sorted, key))
        .isEqualTo((int) IntStream.of(sorted).filter(x -> x == key).count());
    assertThat(BinarySearch.countBetween(sorted, from, to))
        .isEqualTo((int) IntStream.of(sorted).filter(x -> x >= from && x <= to).count());
    assertThat(BinarySearch.floor(sorted, key)).isEqualTo(floor);
    assertThat(BinarySearch.ceiling(sorted, key)).isEqualTo(ceiling);

    long n = random.nextLong(Long.MAX_VALUE);
    long root = BinarySearch.isqrt(n);
    assertThat(BigInteger.valueOf(n).sqrt().longValueExact()).isEqualTo(root);
  }

  @Nested
  class Main {

    @Test
    void printsEveryVariant() throws Exception {
      var printed = StdStreams.capture(() -> BinarySearch.main("5", "1", "5", "5", "9"));
      var absent = StdStreams.capture(() -> BinarySearch.main("0", "1", "2"));

      assertThat(printed.out())
          .isEqualTo("first 1, last 2, count 2, floor 2, ceiling 1" + System.lineSeparator());
      assertThat(absent.out())
          .isEqualTo("first -1, last -1, count 0, floor none, ceiling 0" + System.lineSeparator());
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(BinarySearch::main)
          .withMessage("usage: mid.algorithms.1 <key> [sorted number...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> BinarySearch.main("1", "3", "2"))
          .withMessage("not in ascending order: 2 at index 1 after 3");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
