package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.core.FibonacciSequence;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FibonacciGeneratorTest {

  static List<BigInteger> take(Iterator<BigInteger> iterator, int n) {
    List<BigInteger> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      assertThat(iterator.hasNext()).isTrue();
      values.add(iterator.next());
    }
    return values;
  }

  static List<BigInteger> big(long... values) {
    return LongStream.of(values).mapToObj(BigInteger::valueOf).toList();
  }

  @Nested
  class Generator {

    @Test
    void yieldsTheSequenceOneNumberAtATime() {
      assertThat(take(FibonacciGenerator.iterator(), 12))
          .isEqualTo(big(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89));
    }

    @Test
    void goesOnPastTheRangeOfLong() {
      List<BigInteger> values = take(FibonacciGenerator.iterator(), 301);

      assertThat(values.get(93)).isEqualTo(new BigInteger("12200160415121876738"));
      assertThat(values.get(300))
          .isEqualTo(
              new BigInteger("222232244629420445529739893461909967206666939096499764990979600"));
    }

    @Test
    void startsFromAnyTwoNumbers() {
      assertThat(take(FibonacciGenerator.iterator(BigInteger.TWO, BigInteger.ONE), 10))
          .isEqualTo(big(2, 1, 3, 4, 7, 11, 18, 29, 47, 76));
      assertThat(take(FibonacciGenerator.iterator(BigInteger.valueOf(-3), BigInteger.ZERO), 5))
          .isEqualTo(big(-3, 0, -3, -3, -6));
      assertThatNullPointerException()
          .isThrownBy(() -> FibonacciGenerator.iterator(null, BigInteger.ONE))
          .withMessage("first");
      assertThatNullPointerException()
          .isThrownBy(() -> FibonacciGenerator.iterator(BigInteger.ONE, null))
          .withMessage("second");
    }

    @Test
    void eachGeneratorHasItsOwnState() {
      Iterator<BigInteger> first = FibonacciGenerator.iterator();
      take(first, 10);
      Iterator<BigInteger> second = FibonacciGenerator.iterator();

      assertThat(second.next()).isEqualTo(BigInteger.ZERO);
      assertThat(first.next()).isEqualTo(BigInteger.valueOf(55));
    }
  }

  @Nested
  class Streams {

    @Test
    void isLazyAndInfinite() {
      assertThat(
              FibonacciGenerator.stream().takeWhile(f -> f.compareTo(BigInteger.valueOf(100)) < 0))
          .isEqualTo(big(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89));
      assertThat(FibonacciGenerator.stream().skip(1000).findFirst().orElseThrow().bitLength())
          .isEqualTo(694);
    }

    @Test
    void isOrderedAndNonNull() {
      Spliterator<BigInteger> spliterator = FibonacciGenerator.stream().spliterator();

      assertThat(spliterator.hasCharacteristics(Spliterator.ORDERED)).isTrue();
      assertThat(spliterator.hasCharacteristics(Spliterator.NONNULL)).isTrue();
      assertThat(spliterator.hasCharacteristics(Spliterator.IMMUTABLE)).isTrue();
      assertThat(spliterator.hasCharacteristics(Spliterator.SIZED)).isFalse();
    }
  }

  @Nested
  class Longs {

    @Test
    void endsAfterTheLastFibonacciNumberThatFitsInALong() {
      PrimitiveIterator.OfLong longs = FibonacciGenerator.longs();
      long last = -1;
      int count = 0;
      while (longs.hasNext()) {
        last = longs.nextLong();
        count++;
      }

      assertThat(count).isEqualTo(FibonacciGenerator.LONG_COUNT).isEqualTo(93);
      assertThat(last).isEqualTo(7_540_113_804_746_346_429L);
      assertThat(longs.hasNext()).isFalse();
      assertThatThrownBy(longs::nextLong)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("the Fibonacci numbers after F92 do not fit in a long; use iterator()");
    }

    @Test
    void agreesWithJuniorsOverflowCheckedLongs() {
      assertThat(FibonacciGenerator.longStream().toArray())
          .isEqualTo(FibonacciSequence.firstAsLongs(93));
      assertThat(FibonacciGenerator.longStream().spliterator().getExactSizeIfKnown()).isEqualTo(93);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithJuniorsList(long seed) {
    int n = new SplittableRandom(seed).nextInt(0, 400);

    assertThat(FibonacciGenerator.stream().limit(n).toList()).isEqualTo(FibonacciSequence.first(n));
    assertThat(take(FibonacciGenerator.iterator(), n)).isEqualTo(FibonacciSequence.first(n));
  }

  @Nested
  class Main {

    @Test
    void printsTheFirstNNumbers() throws Exception {
      assertThat(StdStreams.capture(() -> FibonacciGenerator.main("7")).out())
          .isEqualTo("0 1 1 2 3 5 8" + System.lineSeparator());
      assertThat(StdStreams.capture(() -> FibonacciGenerator.main("0")).out())
          .isEqualTo(System.lineSeparator());
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(FibonacciGenerator::main)
          .withMessage("usage: mid.core.5 <n>, n in 0..1000");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciGenerator.main("-1"))
          .withMessage("n must be in 0..1000 (the numbers the command line prints): -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciGenerator.main("many"))
          .withMessage("not an int: 'many'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }

  @Test
  void theCommandLinePrintsAtMostAThousandNumbers() throws Exception {
    var printed = StdStreams.capture(() -> FibonacciGenerator.main("1000"));
    String[] numbers = printed.out().strip().split(" ");
    assertThat(numbers).hasSize(FibonacciGenerator.MAX_PRINTED);
    assertThat(numbers[999]).hasSize(209).startsWith("26863810024485359386");
    for (String n : new String[] {"1001", "-1", "2147483647"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FibonacciGenerator.main(n))
          .withMessage("n must be in 0..1000 (the numbers the command line prints): " + n);
    }
  }
}
