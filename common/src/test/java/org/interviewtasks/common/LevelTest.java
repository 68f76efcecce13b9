package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LevelTest {

  @ParameterizedTest
  @EnumSource(Level.class)
  void keyAndPackageFollowTheName(Level level) {
    String key = level.name().toLowerCase(java.util.Locale.ROOT);

    assertThat(level.key()).isEqualTo(key);
    assertThat(level.packageName()).isEqualTo("org.interviewtasks." + key);
    assertThat(Level.of(key)).isSameAs(level);
  }

  @Test
  void unknownKeyNamesTheChoices() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Level.of("JUNIOR"))
        .withMessage("unknown level 'JUNIOR'; expected one of junior, mid, senior");
  }
}
