package org.interviewtasks.senior.operations.security;

/**
 * A stored value that does not decrypt: its bytes were altered, it was moved to another row or
 * column, or its key is not in the key ring. The message says where (table, row, column) and why,
 * never what the value or the key is.
 */
public final class DecryptionException extends SecurityException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message} (no secret in it). */
  public DecryptionException(String message) {
    super(message);
  }
}
