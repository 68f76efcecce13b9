package org.interviewtasks.senior.operations.testkit;

import java.net.URI;

/**
 * A started service under test: where it answers, and how to stop it (with whatever it started for
 * itself, such as its database).
 */
public interface RunningService extends AutoCloseable {

  /** The base URI every request path is resolved against, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUri();

  /** Stops the service and what it started; idempotent. */
  @Override
  void close();
}
