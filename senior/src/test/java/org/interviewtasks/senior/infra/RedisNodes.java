package org.interviewtasks.senior.infra;

import java.util.List;

/** Redis servers a test may talk to and break: node {@code i} keeps its endpoint for good. */
public interface RedisNodes {

  /** How many nodes there are, running or not. */
  int size();

  /** Where node {@code i} listens. */
  Endpoint endpoint(int i);

  /** Where the nodes listen, in node order. */
  List<Endpoint> endpoints();

  /** Whether node {@code i} is running. */
  boolean isRunning(int i);

  /** Kills node {@code i} abruptly; it comes back empty on {@link #restart(int)}. */
  void kill(int i);

  /** Starts node {@code i} again on the same endpoint (a replica resynchronises first). */
  void restart(int i);

  /**
   * Freezes node {@code i} (SIGSTOP for a child process, {@code docker pause} for a container): it
   * keeps its data and connections but answers nothing until {@link #resume(int)}.
   */
  void pause(int i);

  /** Lets a paused node {@code i} run again; it then answers what waited. */
  void resume(int i);

  /** Whether node {@code i} is paused. */
  boolean isPaused(int i);
}
