package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ZooKeeper extension hands out a working ensemble that survives losing a server. */
class ZooKeeperExtensionTest {

  static CuratorFramework connect(String connectString) throws InterruptedException {
    CuratorFramework client =
        CuratorFrameworkFactory.builder()
            .connectString(connectString)
            .sessionTimeoutMs(10_000)
            .connectionTimeoutMs(5_000)
            .retryPolicy(new ExponentialBackoffRetry(50, 10))
            .build();
    client.start();
    assertThat(client.blockUntilConnected(10, TimeUnit.SECONDS)).isTrue();
    return client;
  }

  @Nested
  @ZooKeeperEnsemble(1)
  class SingleServer {

    @Test
    void storesAndReadsZnodes(ZooKeeperNodes zk) throws Exception {
      assertThat(zk.size()).isEqualTo(1);
      try (CuratorFramework client = connect(zk.connectString())) {
        client.create().orSetData().forPath("/single", "ένα".getBytes(StandardCharsets.UTF_8));

        assertThat(new String(client.getData().forPath("/single"), StandardCharsets.UTF_8))
            .isEqualTo("ένα");
      }
    }
  }

  @Nested
  @ZooKeeperEnsemble(3)
  class ThreeNodeEnsemble {

    @Test
    void replicatesWritesToEveryServer(ZooKeeperNodes zk) throws Exception {
      try (CuratorFramework writer = connect(zk.connectString(0))) {
        writer.create().orSetData().forPath("/replicated", new byte[] {42});
      }
      for (int i = 0; i < 3; i++) {
        try (CuratorFramework reader = connect(zk.connectString(i))) {
          reader.sync().forPath("/replicated");
          assertThat(reader.getData().forPath("/replicated")).containsExactly(42);
        }
      }
    }

    @Test
    void keepsServingWithOneServerDownAndTakesItBack(ZooKeeperNodes zk) throws Exception {
      try (CuratorFramework client = connect(zk.connectString())) {
        zk.kill(0);

        assertThat(zk.isRunning(0)).isFalse();
        client.create().orSetData().forPath("/while-down", new byte[] {1});
        assertThat(client.getData().forPath("/while-down")).containsExactly(1);

        zk.restart(0);

        assertThat(zk.isRunning(0)).isTrue();
      }
      try (CuratorFramework rejoined = connect(zk.connectString(0))) {
        rejoined.sync().forPath("/while-down");
        assertThat(rejoined.getData().forPath("/while-down")).containsExactly(1);
      }
    }
  }
}
