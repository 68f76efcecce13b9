package org.interviewtasks.senior.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * A real ZooKeeper ensemble of 1 to 7 servers running in this JVM on free loopback ports, through
 * Curator's {@link TestingCluster}; its data directories are temporary and deleted on {@link
 * #close()}. {@link #start(int)} returns once the ensemble has a quorum and serves clients ({@code
 * TestingCluster.start()} alone returns before that).
 */
public final class LocalZooKeeper implements AutoCloseable {

  private static final Duration QUORUM_TIMEOUT = Duration.ofSeconds(30);

  private final TestingCluster cluster;
  private final List<InstanceSpec> specs;
  private final Set<Integer> down = new HashSet<>();

  private LocalZooKeeper(TestingCluster cluster) {
    this.cluster = cluster;
    this.specs = new ArrayList<>(cluster.getInstances());
  }

  /**
   * Starts {@code servers} servers and waits for their quorum.
   *
   * @throws IllegalArgumentException if {@code servers} is not 1 to 7
   * @throws IllegalStateException if no quorum forms in time
   */
  public static LocalZooKeeper start(int servers) {
    if (servers < 1 || servers > 7) {
      throw new IllegalArgumentException("servers must be 1..7: " + servers);
    }
    TestingCluster cluster = new TestingCluster(servers);
    LocalZooKeeper zooKeeper = new LocalZooKeeper(cluster);
    try {
      cluster.start();
      zooKeeper.awaitQuorum();
      return zooKeeper;
    } catch (Exception e) {
      zooKeeper.close();
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** The connect string of every server, for a client that should fail over between them. */
  public String connectString() {
    return cluster.getConnectString();
  }

  /** The connect string of server {@code i} alone. */
  public String connectString(int i) {
    InstanceSpec spec = spec(i);
    return spec.getHostname() + ":" + spec.getPort();
  }

  /** How many servers the ensemble has, running or not. */
  public int size() {
    return specs.size();
  }

  /** Whether server {@code i} runs. */
  public synchronized boolean isRunning(int i) {
    spec(i);
    return !down.contains(i);
  }

  /** Stops server {@code i} abruptly (its clients are disconnected and move to another server). */
  public synchronized void kill(int i) {
    try {
      if (cluster.killServer(spec(i))) {
        down.add(i);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot kill ZooKeeper server " + i, e);
    }
  }

  /** Starts server {@code i} again with its data, and waits until the ensemble serves clients. */
  public synchronized void restart(int i) {
    try {
      if (cluster.restartServer(spec(i))) {
        down.remove(i);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot restart ZooKeeper server " + i, e);
    }
    awaitQuorum();
  }

  /** Waits until a client can use the ensemble. */
  public void awaitQuorum() {
    try (CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString())
            .retryPolicy(new RetryOneTime(100))
            .connectionTimeoutMs((int) QUORUM_TIMEOUT.toMillis())
            .build()) {
      client.start();
      if (!client.blockUntilConnected((int) QUORUM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("no ZooKeeper quorum at " + connectString());
      }
      client.checkExists().forPath("/");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for ZooKeeper", e);
    } catch (Exception e) {
      throw new IllegalStateException("no ZooKeeper quorum at " + connectString(), e);
    }
  }

  /** Stops every server and deletes their data. */
  @Override
  public void close() {
    try {
      cluster.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop ZooKeeper", e);
    }
  }

  @Override
  public String toString() {
    return "LocalZooKeeper[" + connectString() + "]";
  }

  private InstanceSpec spec(int i) {
    if (i < 0 || i >= specs.size()) {
      throw new IndexOutOfBoundsException("no server " + i + " of " + specs.size());
    }
    return specs.get(i);
  }
}
