package org.interviewtasks.senior.architecture.validation;

import java.util.Objects;

/**
 * One broken rule.
 *
 * @param path where, e.g. {@code items[2].quantity}
 * @param code which rule, e.g. {@code Size}; the built-in rules use the simple names of the
 *     matching Jakarta Bean Validation constraints
 * @param message for a person, e.g. {@code size must be between 2 and 40}
 */
public record Violation(Path path, String code, String message) {

  /** Checks the parts. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
  }

  @Override
  public String toString() {
    return (path.isRoot() ? "<root>" : path.toString()) + ": " + message + " [" + code + "]";
  }
}
