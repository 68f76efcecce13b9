package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedsTest {

  @AfterEach
  void clearForcedSeed() {
    System.clearProperty("seed");
  }

  @Test
  void derivesTheSameSeedsFromTheBaseOnEveryRun() {
    long[] expected = new SplittableRandom(Seeds.BASE).longs(5).toArray();

    assertThat(Seeds.derive(5).toArray()).containsExactly(expected);
    assertThat(Seeds.derive(5).toArray()).containsExactly(expected);
  }

  @Test
  void aForcedSeedReplacesTheDerivedOnes() {
    System.setProperty("seed", " 123456789 ");

    assertThat(Seeds.derive(50).toArray()).containsExactly(123_456_789L);
  }

  @Test
  void aBlankForcedSeedIsIgnored() {
    System.setProperty("seed", "  ");

    assertThat(Seeds.derive(3)).hasSize(3);
  }
}
