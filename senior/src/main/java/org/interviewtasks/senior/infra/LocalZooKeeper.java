package org.interviewtasks.senior.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;

/**
 * A real ZooKeeper ensemble of 1 to 7 servers running in this JVM on free loopback ports, through
 * Curator's {@link TestingCluster}. Everything the servers write lives in one temporary directory
 * that {@link #close()} deletes: their data directories and the configuration file ZooKeeper's
 * embedded server writes beside its data directory at every start ({@code
 * zookeeper.configuration*.properties}; with Curator's default data directories that is the
 * temporary folder itself, where nothing would delete it). {@link #start(int)} returns once the
 * ensemble has a quorum and serves clients ({@code TestingCluster.start()} alone returns before
 * that).
 */
public final class LocalZooKeeper implements AutoCloseable {

  private static final Duration QUORUM_TIMEOUT = Duration.ofSeconds(30);

  private final TestingCluster cluster;
  private final List<InstanceSpec> specs;
  private final Path directory;
  private final Set<Integer> down = new HashSet<>();

  private LocalZooKeeper(TestingCluster cluster, Path directory) {
    this.cluster = cluster;
    this.directory = directory;
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
    Path directory;
    List<InstanceSpec> specs = new ArrayList<>();
    try {
      directory = Files.createTempDirectory("local-zookeeper-");
      for (int i = 0; i < servers; i++) {
        Path data = Files.createDirectory(directory.resolve("server-" + i));
        specs.add(
            new InstanceSpec(
                data.toFile(), -1, -1, -1, true, -1, -1, -1, null, FreePorts.LOOPBACK));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a directory for ZooKeeper", e);
    }
    TestingCluster cluster = new TestingCluster(specs);
    LocalZooKeeper zooKeeper = new LocalZooKeeper(cluster, directory);
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

  /** The directory that holds everything the servers write. */
  Path directory() {
    return directory;
  }

  /** Stops every server and deletes their data and configuration files. */
  @Override
  public void close() {
    try {
      cluster.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop ZooKeeper", e);
    } finally {
      deleteRecursively(directory);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
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
