package org.interviewtasks.senior.operations.testkit.sample;

import java.net.URI;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.LocalRedis;
import org.interviewtasks.senior.operations.testkit.RunningService;
import org.interviewtasks.senior.operations.testkit.ServiceLauncher;
import redis.clients.jedis.RedisClient;

/**
 * The whole sample application for end-to-end runs: a real Redis server of its own ({@link
 * LocalRedis}, a child process on a free loopback port) and the {@link InventoryService} on it. Its
 * constructor takes nothing, so the contract engine can start it from the configuration parameter
 * {@code testkit.contract.launcher}; closing stops the service, then Redis.
 */
public final class InventoryEnvironment implements ServiceLauncher {

  /** Needed by the contract engine, which creates launchers by their class name. */
  public InventoryEnvironment() {}

  @Override
  public RunningService start() {
    LocalRedis redis = LocalRedis.start(1);
    RedisClient client = null;
    try {
      Endpoint endpoint = redis.endpoint(0);
      client = RedisClient.create(endpoint.host(), endpoint.port());
      InventoryService service =
          InventoryService.start(new Inventory(new RedisStockStore(client)), "redis", 0);
      return new Running(service, client, redis);
    } catch (RuntimeException e) {
      if (client != null) {
        client.close();
      }
      redis.close();
      throw e;
    }
  }

  /** The service and what it runs on, stopped in reverse order. */
  private record Running(InventoryService service, RedisClient client, LocalRedis redis)
      implements RunningService {
    @Override
    public URI baseUri() {
      return service.baseUri();
    }

    @Override
    public void close() {
      try (redis;
          client) {
        service.close();
      }
    }
  }
}
