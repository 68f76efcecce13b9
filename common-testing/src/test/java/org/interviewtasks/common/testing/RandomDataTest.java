package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RandomDataTest {

  static LongStream seeds() {
    return Seeds.derive(20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void intsStayWithinTheLengthAndTheBound(long seed) {
    int[] values = RandomData.ints(new SplittableRandom(seed), 7, 3);

    assertThat(values.length).isBetween(0, 7);
    assertThat(Arrays.stream(values).boxed().toList()).isSubsetOf(-3, -2, -1, 0, 1, 2, 3);
    assertThat(RandomData.intList(new SplittableRandom(seed), 7, 3)).containsExactly(box(values));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void textIsMadeOfWholeCodePointsOfTheAlphabet(long seed) {
    int[] alphabet = RandomData.alphabet("a😀é");
    String text = RandomData.text(new SplittableRandom(seed), 9, alphabet);

    assertThat(text.codePointCount(0, text.length())).isBetween(0, 9);
    assertThat(text.codePoints().boxed().toList()).isSubsetOf(0x61, 0x1F600, 0xE9);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void defaultTextIsWellFormedUnicode(long seed) {
    String text = RandomData.text(new SplittableRandom(seed), 40);

    assertThat(text.codePointCount(0, text.length())).isBetween(0, 40);
    assertThat(text.codePoints())
        .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
  }

  private static Integer[] box(int[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }
}
