package org.interviewtasks.senior.advanced.microservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.interviewtasks.senior.advanced.microservices.proto.InventoryGrpc;
import org.interviewtasks.senior.advanced.microservices.proto.StorefrontGrpc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRouteTest {

  private final HttpRoute route = HttpRoute.post("/v1/items/{sku}/reservations");

  @Test
  void expandsAndMatchesWithUnicodeAndSlashesEncoded() {
    String path = route.expand(Map.of("sku", "café/moulu 🍵+1"));
    assertThat(path).isEqualTo("/v1/items/caf%C3%A9%2Fmoulu%20%F0%9F%8D%B5%2B1/reservations");
    assertThat(route.match(path)).hasValue(Map.of("sku", "café/moulu 🍵+1"));
    assertThat(route.match("/v1/items/a+b/reservations")).hasValue(Map.of("sku", "a+b"));
    assertThat(route.match("/v1/items//reservations")).hasValue(Map.of("sku", ""));
    assertThat(route.variables()).containsExactly("sku");
    assertThat(route.hasBody()).isTrue();
    assertThat(HttpRoute.get("/v1/items/{sku}").hasBody()).isFalse();
    assertThat(route).hasToString("POST /v1/items/{sku}/reservations");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v1/items/tea",
        "/v1/items/tea/reservations/x",
        "/v2/items/tea/reservations",
        "v1/items/tea/reservations",
        "/v1/items/%E0%A4%A/reservations"
      })
  void doesNotMatchOtherPaths(String path) {
    assertThat(route.match(path)).isEmpty();
  }

  @Test
  void rejectsMalformedRoutes() {
    assertThatThrownBy(() -> new HttpRoute("HEAD", "/x"))
        .hasMessageContaining("method must be one of");
    assertThatThrownBy(() -> HttpRoute.get("x")).hasMessageContaining("must start with /");
    assertThatThrownBy(() -> HttpRoute.get("/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpRoute.get("/x/")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpRoute.get("/x/{a}/{a}"))
        .hasMessage("variable named twice in /x/{a}/{a}");
    assertThatThrownBy(() -> HttpRoute.get("/x/{1a}"))
        .hasMessageContaining("segment must be a literal");
    assertThatThrownBy(() -> HttpRoute.get("/x//y"))
        .hasMessageContaining("segment must be a literal");
    assertThatThrownBy(() -> HttpRoute.get(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> route.expand(Map.of())).hasMessage("no value for {sku}");
    assertThatThrownBy(() -> route.match(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aContractChecksItsRoutesWhenBuilt() {
    var builder = ServiceContract.builder(InventoryGrpc.getServiceDescriptor());
    assertThatThrownBy(
            () ->
                builder.route(InventoryGrpc.getGetItemMethod(), HttpRoute.get("/v1/items/{name}")))
        .hasMessageContaining(
            "{name} is not a string, integer or boolean field of interviewtasks.shop.v1.GetItemRequest");
    assertThatThrownBy(
            () -> builder.route(StorefrontGrpc.getGetQuoteMethod(), HttpRoute.get("/v1/q")))
        .hasMessage(
            "interviewtasks.shop.v1.Storefront/GetQuote is not a method of interviewtasks.shop.v1.Inventory");
    builder.route(InventoryGrpc.getGetItemMethod(), HttpRoute.get("/v1/items/{sku}"));
    assertThatThrownBy(
            () -> builder.route(InventoryGrpc.getGetItemMethod(), HttpRoute.get("/v1/other/{sku}")))
        .hasMessageContaining("routed twice");
    assertThatThrownBy(
            () -> builder.route(InventoryGrpc.getReserveMethod(), HttpRoute.get("/v1/items/{sku}")))
        .hasMessage("GET /v1/items/{sku} is taken");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("methods with no HTTP route: [interviewtasks.shop.v1.Inventory/Reserve]");
  }

  @Test
  void idempotencyComesFromTheProto() {
    assertThat(ServiceContract.idempotent(InventoryGrpc.getGetItemMethod())).isTrue();
    assertThat(ServiceContract.idempotent(StorefrontGrpc.getGetQuoteMethod())).isTrue();
    assertThat(ServiceContract.idempotent(InventoryGrpc.getReserveMethod())).isFalse();
    assertThat(Shop.INVENTORY.name()).isEqualTo("interviewtasks.shop.v1.Inventory");
    assertThat(Shop.INVENTORY.methods()).hasSize(2);
    assertThat(Shop.INVENTORY.route(InventoryGrpc.getReserveMethod()))
        .isEqualTo(HttpRoute.post("/v1/items/{sku}/reservations"));
    assertThatThrownBy(() -> Shop.INVENTORY.route(StorefrontGrpc.getGetQuoteMethod()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Shop.INVENTORY)
        .hasToString("ServiceContract[interviewtasks.shop.v1.Inventory, 2 routes]");
  }

  @Test
  void aDefinitionNeedsAHandlerForEveryMethod() {
    var builder =
        ServiceDefinition.builder(Shop.INVENTORY)
            .unary(InventoryGrpc.getGetItemMethod(), request -> null);
    assertThatThrownBy(() -> builder.unary(InventoryGrpc.getGetItemMethod(), request -> null))
        .hasMessage("interviewtasks.shop.v1.Inventory/GetItem is handled twice");
    assertThatThrownBy(() -> builder.unary(StorefrontGrpc.getGetQuoteMethod(), request -> null))
        .hasMessageContaining("is not a method of");
    assertThatThrownBy(builder::build)
        .hasMessage("methods with no handler: [interviewtasks.shop.v1.Inventory/Reserve]");
    assertThatThrownBy(() -> builder.unary(InventoryGrpc.getReserveMethod(), null))
        .isInstanceOf(NullPointerException.class);
  }
}
