package org.interviewtasks.senior.concurrency.loadbalancer;

/** Why the balancer could not get an answer for a request; the message says what was tried. */
public abstract sealed class LoadBalancerException extends RuntimeException
    permits LoadBalancerException.NoHealthyWorker,
        LoadBalancerException.NotRetried,
        LoadBalancerException.AttemptsExhausted {

  private static final long serialVersionUID = 1L;

  LoadBalancerException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No worker is in rotation: every one failed its probe or is ejected. */
  public static final class NoHealthyWorker extends LoadBalancerException {
    private static final long serialVersionUID = 1L;

    NoHealthyWorker(String message) {
      super(message, null);
    }
  }

  /**
   * A request that is not idempotent failed after it may have reached the worker (the connection
   * broke or timed out mid-request): it may or may not have been applied, so it is not sent again.
   */
  public static final class NotRetried extends LoadBalancerException {
    private static final long serialVersionUID = 1L;

    NotRetried(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Every attempt failed without an answer. */
  public static final class AttemptsExhausted extends LoadBalancerException {
    private static final long serialVersionUID = 1L;

    AttemptsExhausted(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
