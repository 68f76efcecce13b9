package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** The Redis extension hands out working servers that a test can kill and bring back. */
class RedisExtensionTest {

  static RedisClient client(Endpoint endpoint) {
    return RedisClient.create(endpoint.host(), endpoint.port());
  }

  @Nested
  @RedisServers(3)
  class IndependentNodes {

    @Test
    void areThreeSeparateServersOnLoopback(RedisNodes redis) {
      assertThat(redis.size()).isEqualTo(3);
      assertThat(new HashSet<>(redis.endpoints())).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(redis.endpoint(i).host()).isEqualTo("127.0.0.1");
        try (RedisClient client = client(redis.endpoint(i))) {
          client.set("who", "node-" + i);
        }
      }
      for (int i = 0; i < 3; i++) {
        try (RedisClient client = client(redis.endpoint(i))) {
          assertThat(client.get("who")).isEqualTo("node-" + i);
        }
      }
    }

    @Test
    void aKilledNodeRefusesConnectionsAndComesBackEmptyOnTheSamePort(RedisNodes redis) {
      Endpoint endpoint = redis.endpoint(1);
      try (RedisClient client = client(endpoint)) {
        client.set("k", "v");
      }

      redis.kill(1);

      assertThat(redis.isRunning(1)).isFalse();
      assertThat(redis.isRunning(0)).isTrue();
      try (RedisClient client = client(endpoint)) {
        assertThatThrownBy(client::ping).isInstanceOf(JedisConnectionException.class);
      }

      redis.restart(1);

      assertThat(redis.isRunning(1)).isTrue();
      assertThat(redis.endpoint(1)).isEqualTo(endpoint);
      try (RedisClient client = client(endpoint)) {
        assertThat(client.ping()).isEqualTo("PONG");
        assertThat(client.get("k")).isNull();
      }
    }

    @Test
    void startsEachTestWithAllNodesUpAndEmpty(RedisNodes redis) {
      // Whatever another test left (a killed node, keys), the extension healed it.
      for (int i = 0; i < redis.size(); i++) {
        assertThat(redis.isRunning(i)).isTrue();
        try (RedisClient client = client(redis.endpoint(i))) {
          assertThat(client.dbSize()).isZero();
        }
      }
      redis.kill(2);
    }
  }

  @Nested
  @RedisServers(3)
  class SharedAcrossClasses {

    @Test
    void theSameSizeIsTheSameGroup(RedisNodes redis) {
      assertThat(redis).isSameAs(IndependentNodesHolder.seen(redis));
    }
  }

  @Nested
  @RedisReplicated(replicas = 2)
  class PrimaryAndReplicas {

    @Test
    void replicasFollowThePrimary(RedisReplicaSet redis) {
      assertThat(redis.replicas()).hasSize(2).doesNotContain(redis.primary());
      try (RedisClient primary = client(redis.primary())) {
        primary.set("greeting", "γειά");
      }
      for (Endpoint replica : redis.replicas()) {
        try (RedisClient client = client(replica)) {
          await().untilAsserted(() -> assertThat(client.get("greeting")).isEqualTo("γειά"));
        }
      }
    }

    @Test
    void aRestartedReplicaResynchronises(RedisReplicaSet redis) {
      try (RedisClient primary = client(redis.primary())) {
        primary.set("k", "before");
        redis.kill(1);
        primary.set("k", "during");

        redis.restart(1);
      }
      try (RedisClient replica = client(redis.replicas().get(0))) {
        await().untilAsserted(() -> assertThat(replica.get("k")).isEqualTo("during"));
      }
    }
  }

  /** Remembers the first group a test saw, to show the next class gets the same one. */
  static final class IndependentNodesHolder {
    private static RedisNodes first;

    static synchronized RedisNodes seen(RedisNodes nodes) {
      if (first == null) {
        first = nodes;
      }
      return first;
    }
  }

  @Test
  @RedisServers(3)
  void aMethodCanAskForServersToo(RedisNodes redis) {
    assertThat(IndependentNodesHolder.seen(redis)).isSameAs(redis);
    assertThat(List.copyOf(redis.endpoints())).hasSize(3);
  }
}
