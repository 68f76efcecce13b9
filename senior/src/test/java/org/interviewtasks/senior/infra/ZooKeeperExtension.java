package org.interviewtasks.senior.infra;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the ensembles of {@link ZooKeeperEnsemble} with {@link LocalZooKeeper}. */
final class ZooKeeperExtension implements ParameterResolver, AfterEachCallback {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ZooKeeperNodes.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    int servers = ServerSupport.annotation(context, ZooKeeperEnsemble.class).value();
    // Always embedded, whatever the JVM's side: there is no container side for ZooKeeper.
    return ServerSupport.shared(
        context, key(servers), Ensemble.class, InfraSide.EMBEDDED, () -> new Ensemble(servers));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (int size = 1; size <= 7; size++) {
      ServerSupport.existing(context, key(size), Ensemble.class).ifPresent(Ensemble::heal);
    }
  }

  private static String key(int servers) {
    return "zookeeper x" + servers;
  }

  static final class Ensemble implements ZooKeeperNodes, AutoCloseable {
    private final LocalZooKeeper zooKeeper;

    Ensemble(int servers) {
      this.zooKeeper = LocalZooKeeper.start(servers);
    }

    void heal() {
      for (int i = 0; i < size(); i++) {
        if (!isRunning(i)) {
          restart(i);
        }
      }
    }

    @Override
    public String connectString() {
      return zooKeeper.connectString();
    }

    @Override
    public String connectString(int i) {
      return zooKeeper.connectString(i);
    }

    @Override
    public int size() {
      return zooKeeper.size();
    }

    @Override
    public boolean isRunning(int i) {
      return zooKeeper.isRunning(i);
    }

    @Override
    public void kill(int i) {
      zooKeeper.kill(i);
    }

    @Override
    public void restart(int i) {
      zooKeeper.restart(i);
    }

    @Override
    public void close() {
      zooKeeper.close();
    }

    @Override
    public String toString() {
      return zooKeeper.toString();
    }
  }
}
