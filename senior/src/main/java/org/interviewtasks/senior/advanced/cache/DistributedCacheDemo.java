package org.interviewtasks.senior.advanced.cache;

import java.time.Duration;
import org.interviewtasks.common.Args;
import org.interviewtasks.senior.infra.LocalRedis;

/**
 * The demo of {@link DistributedCache#main}: four real Redis servers on loopback, started and
 * stopped here. Kept apart from the cache so that the cache itself never loads {@link LocalRedis}
 * (whose Redis binary comes from an optional dependency).
 */
final class DistributedCacheDemo {

  private DistributedCacheDemo() {}

  static void run(String... args) {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: senior.advanced.1 [keys]");
    }
    int keys = args.length == 1 ? Args.toInt(args[0]) : 1000;
    if (keys < 1 || keys > 100_000) {
      throw new IllegalArgumentException("usage: senior.advanced.1 [keys 1..100000]");
    }
    try (LocalRedis redis = LocalRedis.start(4);
        DistributedCache cache = cacheOn(redis)) {
      System.out.println("Redis " + LocalRedis.VERSION + " nodes: " + redis.endpoints());
      DistributedCache.Quorum q = cache.quorum();
      System.out.printf(
          "each key on N=%d nodes, writes acknowledged by W=%d, reads need R=%d%n",
          q.replicas(), q.write(), q.read());
      for (int k = 0; k < keys; k++) {
        cache.put("key-" + k, "value-" + k);
      }
      System.out.println("wrote " + keys + " keys; key-0 lives on " + cache.replicasOf("key-0"));

      redis.kill(1);
      System.out.println("killed node-1 (" + redis.endpoint(1) + ")");
      int updated = 0;
      for (int k = 0; k < keys; k += 2) {
        cache.put("key-" + k, "value-" + k + "-v2");
        updated++;
      }
      System.out.printf(
          "with node-1 down: updated %d keys, read back %d of %d%n",
          updated, readable(cache, keys), keys);

      redis.restart(1);
      System.out.println("node-1 is back, empty");
      int found = readable(cache, keys);
      int correct = 0;
      for (int k = 0; k < keys; k++) {
        String expected = "value-" + k + (k % 2 == 0 ? "-v2" : "");
        if (cache.get("key-" + k).orElse("").equals(expected)) {
          correct++;
        }
      }
      System.out.printf(
          "after the restart: %d of %d keys readable, %d with their latest acknowledged value%n",
          found, keys, correct);
      System.out.println(
          "read repair rewrote " + cache.stats().repairs() + " stale or missing copies");
    }
  }

  private static DistributedCache cacheOn(LocalRedis redis) {
    DistributedCache.Builder builder = DistributedCache.builder().defaultTtl(Duration.ofMinutes(5));
    for (int i = 0; i < redis.size(); i++) {
      builder.node("node-" + i, redis.endpoint(i).host(), redis.endpoint(i).port());
    }
    return builder.build();
  }

  private static int readable(DistributedCache cache, int keys) {
    int found = 0;
    for (int k = 0; k < keys; k++) {
      if (cache.get("key-" + k).isPresent()) {
        found++;
      }
    }
    return found;
  }
}
