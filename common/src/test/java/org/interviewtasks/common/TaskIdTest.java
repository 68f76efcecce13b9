package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskIdTest {

  @Test
  void parsesLevelCategoryAndNumber() {
    TaskId id = TaskId.parse("senior.bigdata.12");

    assertThat(id.level()).isEqualTo(Level.SENIOR);
    assertThat(id.category()).isEqualTo("bigdata");
    assertThat(id.number()).isEqualTo(12);
    assertThat(id).hasToString("senior.bigdata.12");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "junior",
        "junior.core",
        "junior.core.0",
        "junior.core.01",
        "junior.core.-1",
        "junior.Core.1",
        "expert.core.1",
        "junior.core.1.2",
        " junior.core.1",
        "junior.core.12345"
      })
  void rejectsMalformedIds(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskId.parse(text))
        .withMessageContaining("not a task id: '" + text + "'")
        .withMessageContaining("junior.core.1");
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> TaskId.parse(null));
  }

  @Test
  void ordersByLevelThenCategoryThenNumberAsANumber() {
    List<TaskId> ids =
        new ArrayList<>(
            List.of(
                TaskId.parse("mid.core.1"),
                TaskId.parse("junior.core.10"),
                TaskId.parse("junior.algorithms.3"),
                TaskId.parse("junior.core.2")));
    Collections.shuffle(ids, new java.util.Random(7));
    Collections.sort(ids);

    assertThat(ids)
        .extracting(TaskId::toString)
        .containsExactly("junior.algorithms.3", "junior.core.2", "junior.core.10", "mid.core.1");
  }

  @Test
  void validatesItsParts() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TaskId(Level.JUNIOR, "core", 0))
        .withMessage("task number must be 1 or more, got 0");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TaskId(Level.JUNIOR, "Core", 1))
        .withMessage("category must be a lower-case name, got 'Core'");
    assertThatNullPointerException()
        .isThrownBy(() -> new TaskId(null, "core", 1))
        .withMessage("level");
    assertThatNullPointerException()
        .isThrownBy(() -> new TaskId(Level.MID, null, 1))
        .withMessage("category");
  }

  @Test
  void equalIdsAreEqual() {
    assertThat(TaskId.parse("mid.oop.3"))
        .isEqualTo(new TaskId(Level.MID, "oop", 3))
        .hasSameHashCodeAs(new TaskId(Level.MID, "oop", 3))
        .isEqualByComparingTo(new TaskId(Level.MID, "oop", 3));
  }
}
