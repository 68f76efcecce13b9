package org.interviewtasks.senior.advanced.memoization;

/**
 * The memo store's database failed: it cannot be opened (not an SQLite file, no permission), or a
 * read or write failed (disk full, locked past the busy timeout). The message names the file and
 * the operation.
 */
public final class MemoStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * A failure of the store.
   *
   * @param message what failed, naming the file
   * @param cause the JDBC error
   */
  public MemoStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
