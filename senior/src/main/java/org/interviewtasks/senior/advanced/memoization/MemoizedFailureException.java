package org.interviewtasks.senior.advanced.memoization;

import java.util.Objects;

/**
 * A failure read back from the memo store, for a function whose policy memoizes failures: the
 * original exception's class name and message (the exception itself, with its stack and cause, is
 * not stored: it may not be serializable, and its class may be gone in the next run).
 */
public final class MemoizedFailureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String originalType;

  /**
   * A remembered failure.
   *
   * @param originalType the class name of the exception the function threw
   * @param originalMessage its message, possibly null
   */
  public MemoizedFailureException(String originalType, String originalMessage) {
    super(
        Objects.requireNonNull(originalType, "originalType")
            + (originalMessage == null ? "" : ": " + originalMessage)
            + " (memoized)");
    this.originalType = originalType;
  }

  /** The class name of the exception the function threw when it was computed. */
  public String originalType() {
    return originalType;
  }
}
