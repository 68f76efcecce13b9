package org.interviewtasks.senior.advanced.cache;

import java.io.Serial;

/**
 * Too few replicas of a key answered to reach the read or write quorum. A failed write may still
 * have reached some replicas: it is not acknowledged, and readers may or may not see it later.
 */
public final class CacheUnavailableException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  /** With a message naming the key, the quorum and how many replicas answered. */
  public CacheUnavailableException(String message) {
    super(message);
  }
}
