package org.interviewtasks.senior.architecture.soa;

import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.interviewtasks.senior.advanced.microservices.HttpRoute;

/**
 * The catalog: products and their prices, read-only, so any number of identical instances can serve
 * it (stateless scaling: add instances, the balancer spreads the reads).
 *
 * <p>{@code GET /v1/products} lists them; {@code GET /v1/products/{id}} answers one, or 404.
 */
public final class CatalogService {

  /** The service name in the registry. */
  public static final String NAME = "catalog";

  /**
   * A product.
   *
   * @param id the product id
   * @param name its name (any Unicode)
   * @param priceCents its unit price in cents
   */
  public record Product(String id, String name, long priceCents) {
    /** Checks the fields. */
    public Product {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      if (priceCents < 0) {
        throw new IllegalArgumentException("priceCents must be >= 0: " + priceCents);
      }
    }
  }

  /** The products every instance serves in the demo and the tests. */
  public static final List<Product> PRODUCTS =
      List.of(
          new Product("tea", "Oolong tea", 450),
          new Product("coffee", "Café moulu", 1_290),
          new Product("mochi", "大福 (daifuku)", 320));

  private CatalogService() {}

  /** Starts one catalog instance serving {@code products}. */
  public static HttpService start(String instance, List<Product> products, InstantSource clock) {
    Map<String, Product> byId = new TreeMap<>();
    for (Product product : products) {
      byId.put(product.id(), product);
    }
    return HttpService.builder(NAME, instance)
        .clock(clock)
        .route(
            HttpRoute.get("/v1/products"),
            request -> HttpService.Reply.ok(List.copyOf(byId.values())))
        .route(
            HttpRoute.get("/v1/products/{id}"),
            request -> {
              Product product = byId.get(request.variable("id"));
              if (product == null) {
                throw new HttpService.HttpError(404, "no product " + request.variable("id"));
              }
              return HttpService.Reply.ok(product);
            })
        .health(() -> Map.of("products", byId.size()))
        .start();
  }
}
