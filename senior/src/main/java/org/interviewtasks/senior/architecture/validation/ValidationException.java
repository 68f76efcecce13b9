package org.interviewtasks.senior.architecture.validation;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link Result#orElseThrow()} for an invalid result; carries every violation. */
public final class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  ValidationException(List<Violation> violations) {
    super(
        violations.size()
            + " violation"
            + (violations.size() == 1 ? "" : "s")
            + ": "
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  /** Every violation, in the order they were found. */
  public List<Violation> violations() {
    return violations;
  }
}
