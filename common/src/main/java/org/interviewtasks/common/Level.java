package org.interviewtasks.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three levels of the catalog, each a Maven module and a package {@code
 * org.interviewtasks.<key>}.
 */
public enum Level {
  JUNIOR,
  MID,
  SENIOR;

  /** The lower-case key used in task ids, module names and packages, e.g. {@code junior}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The Java package every task of this level lives under. */
  public String packageName() {
    return "org.interviewtasks." + key();
  }

  /**
   * Finds a level by its key.
   *
   * @throws IllegalArgumentException if no level has that key
   */
  public static Level of(String key) {
    for (Level level : values()) {
      if (level.key().equals(key)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown level '"
            + key
            + "'; expected one of "
            + Arrays.stream(values()).map(Level::key).collect(Collectors.joining(", ")));
  }
}
