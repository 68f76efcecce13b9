package org.interviewtasks.senior.infra;

/** A ZooKeeper ensemble a test may connect to and break. */
public interface ZooKeeperNodes {

  /** The connect string of all servers. */
  String connectString();

  /** The connect string of server {@code i} alone. */
  String connectString(int i);

  /** How many servers there are, running or not. */
  int size();

  /** Whether server {@code i} runs. */
  boolean isRunning(int i);

  /** Stops server {@code i}; the others keep a quorum while a majority runs. */
  void kill(int i);

  /** Starts server {@code i} again and waits for the quorum. */
  void restart(int i);
}
