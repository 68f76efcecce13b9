package org.interviewtasks.senior.architecture.soa;

import java.util.Objects;
import java.util.regex.Pattern;

/** The one rule for service names and instance ids: they appear in URLs, logs and labels. */
final class Names {

  /** Lower-case letters, digits and dashes, 1 to 63 characters, starting with a letter (as DNS). */
  static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

  private Names() {}

  /**
   * Checks a name.
   *
   * @throws IllegalArgumentException naming {@code what} and the bad value
   */
  static String check(String what, String name) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1-63 of [a-z0-9-], starting with a letter: '" + name + "'");
    }
    return name;
  }
}
