package org.interviewtasks.senior.architecture.leaderelection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The resource leaders write to, guarded by fencing tokens: it remembers the highest token it has
 * seen and rejects any write that carries a lower one. A deposed leader that still believes it
 * leads (it was paused, or its session expired without it noticing yet) holds an old token, so once
 * the new leader has written, the old one's writes bounce instead of corrupting the data.
 *
 * <p>Here it stands in for a storage service (a database row with a token column, an object store
 * with conditional writes): the check must live in the resource, because only the resource sees
 * both leaders' writes. Thread-safe.
 */
public final class FencedLedger {

  /** One accepted write. */
  public record Entry(long token, String text) {}

  private final List<Entry> entries = new ArrayList<>();
  private long highestToken;

  /**
   * Appends {@code text} written under {@code token}.
   *
   * @throws FencingException if a write with a higher token was accepted before
   * @throws IllegalArgumentException if the token is not positive
   */
  public synchronized void append(long token, String text) {
    Objects.requireNonNull(text, "text");
    if (token < 1) {
      throw new IllegalArgumentException("fencing tokens start at 1: " + token);
    }
    if (token < highestToken) {
      throw new FencingException(token, highestToken);
    }
    highestToken = token;
    entries.add(new Entry(token, text));
  }

  /** The accepted writes, oldest first. */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The highest token accepted so far (0 before any write). */
  public synchronized long highestToken() {
    return highestToken;
  }

  /** A write carried a token older than one the resource has already accepted. */
  public static final class FencingException extends RuntimeException {
    @java.io.Serial private static final long serialVersionUID = 1L;

    private final long token;
    private final long highestToken;

    FencingException(long token, long highestToken) {
      super(
          "stale fencing token "
              + token
              + ": a leader with token "
              + highestToken
              + " has written since");
      this.token = token;
      this.highestToken = highestToken;
    }

    /** The rejected token. */
    public long token() {
      return token;
    }

    /** The highest token the resource had accepted. */
    public long highestToken() {
      return highestToken;
    }
  }
}
