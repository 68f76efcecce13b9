package org.interviewtasks.common;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's place in the catalog: {@code level.category.number}, e.g. {@code junior.core.1}.
 *
 * <p>Ids order by level, then category, then number as a number, so {@code junior.core.2} comes
 * before {@code junior.core.10}.
 *
 * @param level the level
 * @param category the category, a lower-case Java package name such as {@code core}
 * @param number the task's number within its category, from 1
 */
public record TaskId(Level level, String category, int number) implements Comparable<TaskId> {

  private static final Pattern FORMAT =
      Pattern.compile("(junior|mid|senior)\\.([a-z][a-z0-9]*)\\.([1-9][0-9]{0,3})");

  private static final Comparator<TaskId> ORDER =
      Comparator.comparing(TaskId::level)
          .thenComparing(TaskId::category)
          .thenComparingInt(TaskId::number);

  /** Validates the parts. */
  public TaskId {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(category, "category");
    if (!category.matches("[a-z][a-z0-9]*")) {
      throw new IllegalArgumentException(
          "category must be a lower-case name, got '" + category + "'");
    }
    if (number < 1) {
      throw new IllegalArgumentException("task number must be 1 or more, got " + number);
    }
  }

  /**
   * Parses {@code level.category.number}.
   *
   * @throws IllegalArgumentException if the text is not of that form
   */
  public static TaskId parse(String text) {
    Objects.requireNonNull(text, "task id");
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a task id: '" + text + "' (expected level.category.number, e.g. junior.core.1)");
    }
    return new TaskId(Level.of(m.group(1)), m.group(2), Integer.parseInt(m.group(3)));
  }

  @Override
  public int compareTo(TaskId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return level.key() + "." + category + "." + number;
  }
}
