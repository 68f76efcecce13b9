package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/** A paused node (SIGSTOP) keeps its data and connections but answers only once resumed. */
@RedisServers(3)
class RedisPauseTest {

  static RedisClient client(Endpoint e) {
    return RedisClient.builder()
        .hostAndPort(new HostAndPort(e.host(), e.port()))
        .clientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(300).build())
        .build();
  }

  @Test
  void aPausedNodeAnswersNothingUntilResumedAndKeepsItsData(RedisNodes redis) {
    try (RedisClient client = client(redis.endpoint(0))) {
      client.set("kept", "through the pause");

      redis.pause(0);
      assertThat(redis.isPaused(0)).isTrue();
      assertThat(redis.isRunning(0)).isTrue();
      assertThatThrownBy(client::ping).isInstanceOf(JedisException.class);
      redis.pause(0); // twice is harmless

      redis.resume(0);
      assertThat(redis.isPaused(0)).isFalse();
      assertThat(client.get("kept")).isEqualTo("through the pause");
      redis.resume(0); // so is resuming a running node
    }
  }

  @Test
  void aPausedNodeCanBeKilledAndRestarted(RedisNodes redis) {
    redis.pause(1);
    redis.kill(1);
    assertThat(redis.isRunning(1)).isFalse();
    assertThat(redis.isPaused(1)).isFalse();

    redis.restart(1);
    try (RedisClient client = client(redis.endpoint(1))) {
      assertThat(client.ping()).isEqualTo("PONG");
    }
  }

  @Test
  void leavesANodePausedForTheExtensionToResume(RedisNodes redis) {
    redis.pause(2); // the extension resumes it after this test: the next one finds it running
    assertThat(redis.isPaused(2)).isTrue();
  }
}
