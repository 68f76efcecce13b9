package org.interviewtasks.senior.operations.testkit.sample;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Items as Redis hashes ({@code inventory:item:<sku>} with {@code name} and {@code quantity}); a
 * take is one Lua script, which Redis runs atomically, so concurrent reservations through any
 * number of service instances never oversell.
 */
public final class RedisStockStore implements StockStore {

  private static final String PREFIX = "inventory:item:";

  /** Returns {1, remaining}, {0, available} or {-1, 0} for a missing item. */
  private static final String TAKE =
      """
      local q = redis.call('HGET', KEYS[1], 'quantity')
      if not q then return {-1, 0} end
      q = tonumber(q)
      local want = tonumber(ARGV[1])
      if q < want then return {0, q} end
      return {1, redis.call('HINCRBY', KEYS[1], 'quantity', -want)}
      """;

  private final UnifiedJedis redis;

  /** A store on {@code redis}, which the caller keeps and closes. */
  public RedisStockStore(UnifiedJedis redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void put(Inventory.Item item) {
    Objects.requireNonNull(item, "item");
    redis.hset(
        PREFIX + item.sku(),
        Map.of("name", item.name(), "quantity", Integer.toString(item.quantity())));
  }

  @Override
  public Optional<Inventory.Item> get(String sku) {
    Map<String, String> fields = redis.hgetAll(PREFIX + sku);
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Inventory.Item(sku, fields.get("name"), Integer.parseInt(fields.get("quantity"))));
  }

  @Override
  public Take take(String sku, int quantity) {
    Object reply = redis.eval(TAKE, List.of(PREFIX + sku), List.of(Integer.toString(quantity)));
    if (!(reply instanceof List<?> parts) || parts.size() != 2) {
      throw new IllegalStateException("unexpected reply from the take script: " + reply);
    }
    int code = ((Long) parts.get(0)).intValue();
    int value = ((Long) parts.get(1)).intValue();
    return switch (code) {
      case 1 -> new Take.Taken(value);
      case 0 -> new Take.TooFew(value);
      default -> new Take.Missing();
    };
  }
}
