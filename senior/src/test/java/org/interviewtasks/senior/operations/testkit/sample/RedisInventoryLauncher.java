package org.interviewtasks.senior.operations.testkit.sample;

import java.net.URI;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.RedisNodes;
import org.interviewtasks.senior.operations.testkit.RunningService;
import org.interviewtasks.senior.operations.testkit.ServiceLauncher;
import redis.clients.jedis.RedisClient;

/**
 * Starts the inventory service on the first Redis server of {@code @RedisServers}: {@code
 * WithService} resolves the constructor's {@link RedisNodes} through that extension, which picks
 * containers or an embedded server.
 */
final class RedisInventoryLauncher implements ServiceLauncher {

  private final Endpoint redis;

  RedisInventoryLauncher(RedisNodes nodes) {
    this.redis = nodes.endpoint(0);
  }

  @Override
  public RunningService start() {
    RedisClient client = RedisClient.create(redis.host(), redis.port());
    try {
      InventoryService service =
          InventoryService.start(new Inventory(new RedisStockStore(client)), "redis", 0);
      return new RunningService() {
        @Override
        public URI baseUri() {
          return service.baseUri();
        }

        @Override
        public void close() {
          try (client) {
            service.close();
          }
        }
      };
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }
}
