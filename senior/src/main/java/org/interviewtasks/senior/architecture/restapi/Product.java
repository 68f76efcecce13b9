package org.interviewtasks.senior.architecture.restapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of the {@code products} table, as the API returns it.
 *
 * @param id the primary key, also the sort's tie-breaker
 * @param name the display name (any Unicode text, 1 to 200 characters)
 * @param category a category label (1 to 64 characters)
 * @param price the price, non-negative, two decimals
 * @param createdAt when the row was created, to the millisecond
 */
public record Product(long id, String name, String category, BigDecimal price, Instant createdAt) {

  /** Checks that every component is present. */
  public Product {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The JSON object of this product, field by field, in a stable order. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("name", name);
    json.put("category", category);
    json.put("price", price);
    json.put("createdAt", createdAt.toString());
    return json;
  }
}
