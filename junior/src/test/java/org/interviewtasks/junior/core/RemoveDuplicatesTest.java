package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemoveDuplicatesTest {

  /** Both approaches, named for the test report. */
  static Stream<Named<Function<List<Object>, List<Object>>>> approaches() {
    return Stream.of(
        Named.of("withLinkedHashSet", RemoveDuplicates::withLinkedHashSet),
        Named.of("withStream", RemoveDuplicates::withStream));
  }

  static Stream<Arguments> cases() {
    return approaches()
        .flatMap(
            approach ->
                Stream.of(
                    Arguments.of(approach, List.of(), List.of()),
                    Arguments.of(approach, List.of(7), List.of(7)),
                    Arguments.of(approach, List.of(1, 1, 1), List.of(1)),
                    Arguments.of(approach, List.of(3, 1, 3, 2, 1), List.of(3, 1, 2)),
                    Arguments.of(approach, List.of(1, 2, 3), List.of(1, 2, 3)),
                    Arguments.of(
                        approach,
                        List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE),
                        List.of(Integer.MIN_VALUE, Integer.MAX_VALUE)),
                    Arguments.of(
                        approach,
                        List.of("b", "a", "b", "😀", "é", "e\u0301", "😀"),
                        List.of("b", "a", "😀", "é", "e\u0301")),
                    Arguments.of(
                        approach, Arrays.asList(null, 1, null, 2), Arrays.asList(null, 1, 2)),
                    Arguments.of(approach, Arrays.asList(1, null, 1, null), Arrays.asList(1, null)),
                    Arguments.of(approach, List.of(1L, 1), List.of(1L, 1))));
  }

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @MethodSource("cases")
  void keepsTheFirstOccurrenceInOrder(
      Function<List<Object>, List<Object>> approach, List<Object> input, List<Object> expected) {
    assertThat(approach.apply(input)).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approaches")
  void keepsTheFirstOfEqualButDistinctObjects(Function<List<Object>, List<Object>> approach) {
    String first = new String("twin");
    String second = new String("twin");

    List<Object> result = approach.apply(List.of(first, "x", second));

    assertThat(result).containsExactly("twin", "x");
    assertThat(result.get(0)).isSameAs(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approaches")
  void returnsANewUnmodifiableListAndLeavesTheInputAlone(
      Function<List<Object>, List<Object>> approach) {
    List<Object> input = new ArrayList<>(Arrays.asList(2, null, 2, 3));

    List<Object> result = approach.apply(input);

    assertThat(input).containsExactly(2, null, 2, 3);
    assertThatThrownBy(() -> result.add(4)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> result.set(0, 4)).isInstanceOf(UnsupportedOperationException.class);
    input.clear();
    assertThat(result).containsExactly(2, null, 3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("approaches")
  void reliesOnEqualsAndHashCode(Function<List<Object>, List<Object>> approach) {
    record CaseInsensitive(String value) {
      @Override
      public boolean equals(Object other) {
        return other instanceof CaseInsensitive that && value.equalsIgnoreCase(that.value);
      }

      @Override
      public int hashCode() {
        return value.toLowerCase(Locale.ROOT).hashCode();
      }
    }

    List<Object> result =
        approach.apply(
            List.of(
                new CaseInsensitive("Ab"), new CaseInsensitive("aB"), new CaseInsensitive("c")));

    assertThat(result).containsExactly(new CaseInsensitive("Ab"), new CaseInsensitive("c"));
    assertThat(((CaseInsensitive) result.get(0)).value()).isEqualTo("Ab");
  }

  @Test
  void rejectsANullList() {
    assertThatNullPointerException()
        .isThrownBy(() -> RemoveDuplicates.withLinkedHashSet(null))
        .withMessage("list");
    assertThatNullPointerException()
        .isThrownBy(() -> RemoveDuplicates.withStream(null))
        .withMessage("list");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bothAgreeWithANaiveQuadraticOracle(long seed) {
    var random = new SplittableRandom(seed);
    List<Integer> values = RandomData.intList(random, 60, random.nextInt(1, 20));
    if (random.nextInt(4) == 0 && !values.isEmpty()) {
      values.set(random.nextInt(values.size()), null);
    }

    List<Integer> expected = naive(values);

    assertThat(RemoveDuplicates.withLinkedHashSet(values)).containsExactlyElementsOf(expected);
    assertThat(RemoveDuplicates.<Integer>withStream(values)).containsExactlyElementsOf(expected);
  }

  @Nested
  class Main {

    @Test
    void printsTheArgumentsWithoutDuplicates() throws Exception {
      var printed = StdStreams.capture(() -> RemoveDuplicates.main("b", "a", "b", "😀", "a", "😀"));

      assertThat(printed.out()).isEqualTo("b a 😀" + System.lineSeparator());
    }

    @Test
    void rejectsNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(RemoveDuplicates::main)
          .withMessage("usage: junior.core.4 <value> [value...]");
    }
  }

  private static <T> List<T> naive(List<T> values) {
    List<T> result = new ArrayList<>();
    for (T value : values) {
      if (!result.contains(value)) {
        result.add(value);
      }
    }
    return result;
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
