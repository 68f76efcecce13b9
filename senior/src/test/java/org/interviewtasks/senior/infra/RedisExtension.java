package org.interviewtasks.senior.infra;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.RedisClient;

/**
 * Starts the Redis servers of {@link RedisServers} and {@link RedisReplicated}: {@link LocalRedis}
 * when embedded, {@code redis:7} containers otherwise.
 */
final class RedisExtension implements ParameterResolver, AfterEachCallback {

  private static final String IMAGE = "redis:7";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == RedisNodes.class || type == RedisReplicaSet.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == RedisReplicaSet.class) {
      int replicas = ServerSupport.annotation(context, RedisReplicated.class).replicas();
      return ServerSupport.shared(
          context, replicatedKey(replicas), Group.class, () -> Group.replicated(replicas));
    }
    int count = ServerSupport.annotation(context, RedisServers.class).value();
    return ServerSupport.shared(
        context, serversKey(count), Group.class, () -> Group.servers(count));
  }

  /** Restarts what the test killed and empties every node, so the next test starts clean. */
  @Override
  public void afterEach(ExtensionContext context) {
    for (int size = 1; size <= 16; size++) {
      ServerSupport.existing(context, serversKey(size), Group.class).ifPresent(Group::heal);
      ServerSupport.existing(context, replicatedKey(size), Group.class).ifPresent(Group::heal);
    }
  }

  private static String serversKey(int count) {
    return "redis servers x" + count;
  }

  private static String replicatedKey(int replicas) {
    return "redis primary + " + replicas + " replicas";
  }

  /** A group of Redis nodes on either side. */
  abstract static class Group implements RedisReplicaSet, AutoCloseable {

    final boolean replicated;

    Group(boolean replicated) {
      this.replicated = replicated;
    }

    static Group servers(int count) {
      return InfraSide.current() == InfraSide.CONTAINERS
          ? new Containers(count, false)
          : new Embedded(LocalRedis.start(count), false);
    }

    static Group replicated(int replicas) {
      return InfraSide.current() == InfraSide.CONTAINERS
          ? new Containers(replicas + 1, true)
          : new Embedded(LocalRedis.startReplicated(replicas), true);
    }

    void heal() {
      for (int i = 0; i < size(); i++) {
        if (isPaused(i)) {
          resume(i);
        }
        if (!isRunning(i)) {
          restart(i);
        }
      }
      for (int i = 0; i < (replicated ? 1 : size()); i++) {
        Endpoint e = endpoint(i);
        try (RedisClient client = RedisClient.create(e.host(), e.port())) {
          client.flushAll();
        }
      }
    }

    /** Stops every node and removes its files. */
    @Override
    public abstract void close();

    @Override
    public String toString() {
      return (replicated ? "Redis primary + replicas " : "Redis servers ") + endpoints();
    }
  }

  private static final class Embedded extends Group {
    private final LocalRedis redis;

    Embedded(LocalRedis redis, boolean replicated) {
      super(replicated);
      this.redis = redis;
    }

    @Override
    public int size() {
      return redis.size();
    }

    @Override
    public Endpoint endpoint(int i) {
      return redis.endpoint(i);
    }

    @Override
    public List<Endpoint> endpoints() {
      return redis.endpoints();
    }

    @Override
    public boolean isRunning(int i) {
      return redis.isRunning(i);
    }

    @Override
    public void kill(int i) {
      redis.kill(i);
    }

    @Override
    public void restart(int i) {
      redis.restart(i);
    }

    @Override
    public void pause(int i) {
      redis.pause(i);
    }

    @Override
    public void resume(int i) {
      redis.resume(i);
    }

    @Override
    public boolean isPaused(int i) {
      return redis.isPaused(i);
    }

    @Override
    public void close() {
      redis.close();
    }
  }

  /**
   * Official {@code redis:7} containers, each bound to a fixed free host port so that a node keeps
   * its endpoint across a restart; replicas reach the primary through a container network.
   */
  private static final class Containers extends Group {
    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final java.util.Set<Integer> paused = new java.util.HashSet<>();
    private final Network network;

    Containers(int count, boolean replicated) {
      super(replicated);
      this.network = Network.newNetwork();
      for (int i = 0; i < count; i++) {
        int hostPort = FreePorts.free();
        List<String> command =
            new ArrayList<>(List.of("redis-server", "--save", "", "--appendonly", "no"));
        if (replicated && i > 0) {
          command.addAll(List.of("--replicaof", "redis-0", "6379"));
        }
        GenericContainer<?> container =
            new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withNetwork(network)
                .withNetworkAliases("redis-" + i)
                .withCommand(command.toArray(String[]::new));
        Containerized.bindFixedPort(container, 6379, hostPort);
        container.waitingFor(Containerized.answersOnLoopback(hostPort, Containerized.Probe.REDIS));
        container.start();
        containers.add(container);
        endpoints.add(Endpoint.loopback(hostPort));
      }
    }

    @Override
    public int size() {
      return containers.size();
    }

    @Override
    public Endpoint endpoint(int i) {
      return endpoints.get(i);
    }

    @Override
    public List<Endpoint> endpoints() {
      return List.copyOf(endpoints);
    }

    @Override
    public boolean isRunning(int i) {
      return containers.get(i).isRunning();
    }

    @Override
    public void kill(int i) {
      resume(i);
      containers.get(i).stop();
    }

    @Override
    public void restart(int i) {
      resume(i);
      containers.get(i).stop();
      containers.get(i).start();
    }

    @Override
    public synchronized void pause(int i) {
      GenericContainer<?> container = containers.get(i);
      if (container.isRunning() && paused.add(i)) {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
      }
    }

    @Override
    public synchronized void resume(int i) {
      GenericContainer<?> container = containers.get(i);
      if (paused.remove(i)) {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
      }
    }

    @Override
    public synchronized boolean isPaused(int i) {
      return paused.contains(i);
    }

    @Override
    public void close() {
      containers.forEach(GenericContainer::stop);
      network.close();
    }
  }
}
