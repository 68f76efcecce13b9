package org.interviewtasks.junior.algorithms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MergeDictionariesTest {

  private static Map<String, Integer> ordered(Object... keysAndValues) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void theLaterMapWinsByDefault() {
    Map<String, Integer> merged =
        MergeDictionaries.merge(ordered("a", 1, "b", 2), ordered("b", 3, "c", 4));

    assertThat(merged).containsExactly(Map.entry("a", 1), Map.entry("b", 3), Map.entry("c", 4));
  }

  @Test
  void combinesCommonKeysWithTheResolverFirstValueFirst() {
    Map<String, Integer> first = ordered("a", 1, "b", 2, "c", 10);
    Map<String, Integer> second = ordered("c", 3, "d", 4, "b", 5);

    assertThat(MergeDictionaries.merge(first, second, Integer::sum))
        .containsExactly(
            Map.entry("a", 1), Map.entry("b", 7), Map.entry("c", 13), Map.entry("d", 4));
    assertThat(MergeDictionaries.merge(first, second, (x, y) -> x - y))
        .containsEntry("b", -3)
        .containsEntry("c", 7);
    assertThat(MergeDictionaries.merge(first, second, BinaryOperator.maxBy(Integer::compare)))
        .containsEntry("b", 5)
        .containsEntry("c", 10);
  }

  @Test
  void canConcatenateLists() {
    Map<String, List<String>> merged =
        MergeDictionaries.merge(
            Map.of("fruit", List.of("apple")),
            Map.of("fruit", List.of("pear"), "nut", List.of("pecan")),
            (x, y) -> {
              List<String> both = new ArrayList<>(x);
              both.addAll(y);
              return both;
            });

    assertThat(merged)
        .containsOnly(
            Map.entry("fruit", List.of("apple", "pear")), Map.entry("nut", List.of("pecan")));
  }

  @Test
  void handlesEmptyMapsAndLeavesTheInputsAlone() {
    Map<String, Integer> first = Map.of("a", 1);
    Map<String, Integer> second = Map.of("a", 2);

    Map<String, Integer> merged = MergeDictionaries.merge(first, second);
    merged.put("z", 26);

    assertThat(merged).containsOnly(Map.entry("a", 2), Map.entry("z", 26));
    assertThat(first).containsOnly(Map.entry("a", 1));
    assertThat(second).containsOnly(Map.entry("a", 2));
    assertThat(MergeDictionaries.merge(Map.of(), Map.of())).isEmpty();
    assertThat(MergeDictionaries.merge(first, Map.of())).isEqualTo(first).isNotSameAs(first);
    assertThat(MergeDictionaries.merge(Map.of(), second)).isEqualTo(second);
  }

  @Test
  void callsTheResolverOnlyForCommonKeys() {
    List<String> calls = new ArrayList<>();

    MergeDictionaries.merge(
        ordered("a", 1, "b", 2),
        ordered("b", 3, "c", 4),
        (x, y) -> {
          calls.add(x + "+" + y);
          return x + y;
        });

    assertThat(calls).containsExactly("2+3");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.interviewtasks.junior.algorithms.MergeDictionariesTest#seeds")
  void agreesWithMapMerge(long seed) {
    var random = new SplittableRandom(seed);
    Map<Integer, Integer> first = randomMap(random);
    Map<Integer, Integer> second = randomMap(random);
    Map<Integer, Integer> expected = new LinkedHashMap<>(first);
    second.forEach((k, v) -> expected.merge(k, v, Integer::sum));

    Map<Integer, Integer> merged = MergeDictionaries.merge(first, second, Integer::sum);

    assertThat(merged).containsExactlyEntriesOf(expected);
    Map<Integer, Integer> laterWins = new LinkedHashMap<>(first);
    laterWins.putAll(second);
    assertThat(MergeDictionaries.merge(first, second)).containsExactlyEntriesOf(laterWins);
  }

  private static Map<Integer, Integer> randomMap(SplittableRandom random) {
    Map<Integer, Integer> map = new LinkedHashMap<>();
    int size = random.nextInt(10);
    for (int i = 0; i < size; i++) {
      map.put(random.nextInt(15), random.nextInt(-100, 101));
    }
    return map;
  }

  @Test
  void rejectsNullKeysValuesAndResults() {
    Map<String, Integer> nullValue = new HashMap<>();
    nullValue.put("k", null);
    Map<String, Integer> nullKey = new HashMap<>();
    nullKey.put(null, 1);

    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(nullValue, Map.of()))
        .withMessage("null value for key k in first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(Map.of(), nullValue))
        .withMessage("null value for key k in second");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(nullKey, Map.of()))
        .withMessage("null key in first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(Map.of("a", 1), nullKey))
        .withMessage("null key in second");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(Map.of("a", 1), Map.of("a", 2), (x, y) -> null))
        .withMessage("the resolver returned null for key a");
  }

  @Test
  void rejectsNullArguments() {
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(null, Map.of()))
        .withMessage("first");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(Map.of(), null))
        .withMessage("second");
    assertThatNullPointerException()
        .isThrownBy(() -> MergeDictionaries.merge(Map.of(), Map.of(), null))
        .withMessage("resolver");
  }

  @Nested
  class Main {

    @Test
    void printsTheMergeWithCommonValuesAdded() throws Exception {
      var printed = StdStreams.capture(() -> MergeDictionaries.main("a=1,b=2", "b=3, c = 4"));
      var empty = StdStreams.capture(() -> MergeDictionaries.main("", "x=1"));

      assertThat(printed.out()).isEqualTo("{a=1, b=5, c=4}" + System.lineSeparator());
      assertThat(empty.out()).isEqualTo("{x=1}" + System.lineSeparator());
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeDictionaries.main("a=1"))
          .withMessage("usage: junior.algorithms.18 <k=v,k=v...> <k=v,k=v...>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeDictionaries.main("a=1,b", "c=2"))
          .withMessage("not key=value: 'b'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeDictionaries.main("a=1", " =2"))
          .withMessage("not key=value: ' =2'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeDictionaries.main("a=1,a=2", "c=2"))
          .withMessage("key 'a' given twice in 'a=1,a=2'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> MergeDictionaries.main("a=x", "c=2"))
          .withMessage("not an int: 'x'");
      assertThatThrownBy(() -> MergeDictionaries.main("a=2147483647", "a=1"))
          .isInstanceOf(ArithmeticException.class);
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
