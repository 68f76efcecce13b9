package org.interviewtasks.senior.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A group of real Redis 7 servers run as child processes on 127.0.0.1: independent nodes, or a
 * primary (node 0) with replicas. The binary is the one that {@code org.signal:embedded-redis}
 * ships (Linux and macOS, x86-64 and ARM64); this class only borrows the binary and runs it itself,
 * so that it can kill a node with SIGKILL and bring it back on the same port.
 *
 * <p>Nodes keep nothing on disk ({@code save ""}, no AOF): a killed node comes back empty, the hard
 * case for anything that claims not to lose data. Replication starts without delay ({@code
 * repl-diskless-sync-delay 0}), so {@code WAIT} answers within milliseconds. All files live in one
 * temporary directory that {@link #close()} deletes; a shutdown hook kills the servers if the JVM
 * exits without closing. A JVM killed with SIGKILL runs no hook, so every new group first reaps the
 * groups whose owning JVM is gone: their servers are killed and their files deleted.
 */
public final class LocalRedis implements AutoCloseable {

  /** The Redis version of the shipped binary. */
  public static final String VERSION = "7.0.15";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
  private static final int START_ATTEMPTS = 3;
  private static final String GROUP_PREFIX = "local-redis-";
  private static final String OWNER_FILE = "owner.pid";

  private final Path directory;
  private final Path binary;
  private final List<Node> nodes = new ArrayList<>();
  private final Thread shutdownHook;

  private LocalRedis(Path directory, Path binary) {
    this.directory = directory;
    this.binary = binary;
    this.shutdownHook = new Thread(this::killAll, "local-redis-cleanup");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts {@code count} independent Redis servers.
   *
   * @throws IllegalArgumentException if {@code count} is not 1 to 16
   * @throws IllegalStateException if the binary is missing or a server does not start
   */
  public static LocalRedis start(int count) {
    requireRange("count", count, 1, 16);
    LocalRedis redis = create();
    try {
      for (int i = 0; i < count; i++) {
        redis.startNewNode(null);
      }
      return redis;
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  /**
   * Starts a primary (node 0) and {@code replicas} replicas of it (nodes 1..replicas), and waits
   * until every replica has synchronised.
   *
   * @throws IllegalArgumentException if {@code replicas} is not 1 to 8
   * @throws IllegalStateException if the binary is missing or a server does not start
   */
  public static LocalRedis startReplicated(int replicas) {
    requireRange("replicas", replicas, 1, 8);
    LocalRedis redis = create();
    try {
      Node primary = redis.startNewNode(null);
      for (int i = 0; i < replicas; i++) {
        redis.startNewNode(primary.endpoint());
      }
      for (int i = 1; i <= replicas; i++) {
        redis.awaitSynchronised(i);
      }
      return redis;
    } catch (RuntimeException e) {
      redis.close();
      throw e;
    }
  }

  /** How many nodes the group has, running or not. */
  public int size() {
    return nodes.size();
  }

  /** Where node {@code i} listens (the same across restarts). */
  public Endpoint endpoint(int i) {
    return node(i).endpoint();
  }

  /** Where the nodes listen, in node order. */
  public List<Endpoint> endpoints() {
    return nodes.stream().map(Node::endpoint).toList();
  }

  /** Whether node {@code i} is running. */
  public synchronized boolean isRunning(int i) {
    return node(i).isRunning();
  }

  /**
   * Kills node {@code i} with SIGKILL, as a crash would: no goodbye to clients or replicas, and its
   * data is gone. Killing a node that is down does nothing.
   */
  public synchronized void kill(int i) {
    node(i).kill();
  }

  /**
   * Freezes node {@code i} with SIGSTOP, as a long GC pause or a stalled VM would: its clients'
   * connections stay open, their commands wait unanswered (and run when it resumes). Pausing a
   * paused or stopped node does nothing.
   *
   * @throws IllegalStateException if the signal cannot be sent
   */
  public synchronized void pause(int i) {
    node(i).signal("STOP");
  }

  /**
   * Lets a paused node {@code i} run again with SIGCONT; resuming a running node does nothing.
   *
   * @throws IllegalStateException if the signal cannot be sent
   */
  public synchronized void resume(int i) {
    node(i).signal("CONT");
  }

  /** Whether node {@code i} is paused. */
  public synchronized boolean isPaused(int i) {
    return node(i).paused;
  }

  /**
   * Starts node {@code i} again, empty, on its old port; a replica resynchronises from the primary
   * before this returns. Restarting a running node kills it first.
   *
   * @throws IllegalStateException if it does not start
   */
  public synchronized void restart(int i) {
    Node node = node(i);
    node.kill();
    node.launch(binary);
    if (node.replicaOf != null && nodes.get(0).isRunning()) {
      awaitSynchronised(i);
    }
  }

  /** Kills every node and deletes the group's files. */
  @Override
  public synchronized void close() {
    killAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs or ran
    }
    deleteRecursively(directory);
  }

  @Override
  public String toString() {
    return "LocalRedis" + endpoints();
  }

  private static LocalRedis create() {
    try {
      Path temp = Path.of(System.getProperty("java.io.tmpdir"));
      reapOrphans(temp);
      Path directory = Files.createTempDirectory(temp, GROUP_PREFIX);
      Files.writeString(
          directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      return new LocalRedis(directory, extractBinary(directory));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a directory for Redis", e);
    }
  }

  /**
   * Kills the servers of every group in {@code temp} whose owning JVM is no longer running, and
   * deletes the group's files; returns how many groups it reaped. A server belongs to a group when
   * its executable is the group's copy of the binary, so no other Redis on the machine is touched.
   * A group without an owner file (being created right now) or whose owner still runs (or whose pid
   * was reused) is left alone.
   */
  static int reapOrphans(Path temp) {
    List<Path> orphans = new ArrayList<>();
    try (DirectoryStream<Path> groups = Files.newDirectoryStream(temp, GROUP_PREFIX + "*")) {
      for (Path group : groups) {
        OptionalLong owner = ownerOf(group);
        if (owner.isPresent()
            && ProcessHandle.of(owner.getAsLong()).filter(ProcessHandle::isAlive).isEmpty()) {
          orphans.add(group);
        }
      }
    } catch (IOException e) {
      return 0; // nothing readable to reap; the new group does not depend on it
    }
    int reaped = 0;
    for (Path group : orphans) {
      try {
        String binary = group.toRealPath().resolve("redis-server").toString();
        ProcessHandle.allProcesses()
            .filter(process -> process.info().command().filter(binary::equals).isPresent())
            .forEach(
                process -> {
                  process.destroyForcibly();
                  process.onExit().join();
                });
        deleteRecursively(group);
        reaped++;
      } catch (IOException | UncheckedIOException e) {
        // another JVM is reaping the same group
      }
    }
    return reaped;
  }

  private static OptionalLong ownerOf(Path group) {
    try {
      return OptionalLong.of(Long.parseLong(Files.readString(group.resolve(OWNER_FILE)).strip()));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private Node startNewNode(Endpoint replicaOf) {
    Path dir = directory.resolve("node-" + nodes.size());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      Node node = new Node(FreePorts.free(), dir, replicaOf);
      try {
        node.launch(binary);
        nodes.add(node);
        return node;
      } catch (IllegalStateException e) { // most likely the port was taken meanwhile
        node.kill();
        failure = e;
      }
    }
    throw Objects.requireNonNull(failure);
  }

  private void awaitSynchronised(int i) {
    Node node = node(i);
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!node.command("INFO replication").contains("master_link_status:up")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("replica " + node.endpoint() + " did not synchronise");
      }
      pause();
    }
  }

  private Node node(int i) {
    if (i < 0 || i >= nodes.size()) {
      throw new IndexOutOfBoundsException("no node " + i + " of " + nodes.size());
    }
    return nodes.get(i);
  }

  private synchronized void killAll() {
    nodes.forEach(Node::kill);
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ": " + value);
    }
  }

  static Path extractBinary(Path directory) throws IOException {
    String resource = "redis-server-" + VERSION + "-" + platform();
    Path binary = directory.resolve("redis-server");
    try (InputStream in = LocalRedis.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the Redis binary "
                + resource
                + " is not on the classpath: add org.signal:embedded-redis (an optional"
                + " dependency of this library)");
      }
      Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!binary.toFile().setExecutable(true, true)) {
      throw new IllegalStateException("cannot make " + binary + " executable");
    }
    return binary;
  }

  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String osPart =
        os.contains("linux")
            ? "linux"
            : os.contains("mac") || os.contains("darwin") ? "darwin" : "";
    String archPart =
        switch (arch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> "";
        };
    if (osPart.isEmpty() || archPart.isEmpty()) {
      throw new IllegalStateException("no Redis binary for " + os + "/" + arch);
    }
    return osPart + "-" + archPart;
  }

  /** Sleeps briefly between polls of a child process, which has no callback to wait on. */
  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Redis", e);
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

  /** One server: its port, its directory, its process when running. */
  private static final class Node {
    final int port;
    final Path dir;
    final Endpoint replicaOf;
    Process process;
    boolean paused;

    Node(int port, Path dir, Endpoint replicaOf) {
      this.port = port;
      this.dir = dir;
      this.replicaOf = replicaOf;
    }

    Endpoint endpoint() {
      return Endpoint.loopback(port);
    }

    boolean isRunning() {
      return process != null && process.isAlive();
    }

    void launch(Path binary) {
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.addAll(
          List.of(
              "--port",
              Integer.toString(port),
              "--bind",
              FreePorts.LOOPBACK,
              "--save",
              "",
              "--appendonly",
              "no",
              "--dir",
              dir.toString(),
              "--logfile",
              dir.resolve("redis.log").toString(),
              "--repl-diskless-sync-delay",
              "0"));
      if (replicaOf != null) {
        command.addAll(
            List.of("--replicaof", replicaOf.host(), Integer.toString(replicaOf.port())));
      }
      try {
        process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot run " + binary, e);
      }
      awaitReady();
    }

    void awaitReady() {
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "Redis on port " + port + " exited with " + process.exitValue() + "; see " + dir);
        }
        try {
          if (command("PING").equals("+PONG")) {
            return;
          }
        } catch (UncheckedIOException e) {
          // not listening yet
        }
        if (System.nanoTime() > deadline) {
          kill();
          throw new IllegalStateException("Redis on port " + port + " did not start");
        }
        pause();
      }
    }

    /** Sends one inline command and returns the reply's text (a bulk reply's body). */
    String command(String line) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(FreePorts.loopbackAddress(), port), 1_000);
        socket.setSoTimeout(2_000);
        OutputStream out = socket.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String first = in.readLine();
        if (first == null || !first.startsWith("$")) {
          return String.valueOf(first);
        }
        char[] body = new char[Integer.parseInt(first.substring(1))];
        int read = 0;
        while (read < body.length) {
          int n = in.read(body, read, body.length - read);
          if (n < 0) {
            break;
          }
          read += n;
        }
        return new String(body, 0, read);
      } catch (IOException e) {
        throw new UncheckedIOException("Redis on port " + port + " does not answer", e);
      }
    }

    /** Sends SIGSTOP or SIGCONT (see {@link Signals}); a node already in that state is left. */
    void signal(String name) {
      if (!isRunning() || paused == name.equals("STOP")) {
        return;
      }
      try {
        Signals.send(process.toHandle(), name);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(
            "cannot send SIG" + name + " to Redis on port " + port + ": " + e.getMessage(), e);
      }
      paused = name.equals("STOP");
    }

    void kill() {
      paused = false;
      if (process != null) {
        process.destroyForcibly();
        try {
          process.waitFor();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process = null;
      }
    }
  }
}
