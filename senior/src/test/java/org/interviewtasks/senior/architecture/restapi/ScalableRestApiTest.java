package org.interviewtasks.senior.architecture.restapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScalableRestApiTest {

  static final int ROWS = 600;
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String READER = Tokens.bearer("reader", "products:read");
  static final String WRITER = Tokens.bearer("writer", "products:read products:write");

  static ProductStore store;
  static ScalableRestApi api;

  @BeforeAll
  static void start() throws Exception {
    store = ProductStore.inMemory();
    store.seed(ROWS, 42);
    api =
        ScalableRestApi.builder(store, Tokens.authenticator())
            .rateLimit(1_000_000, 1_000_000, java.time.Duration.ofSeconds(1))
            .start();
  }

  @AfterAll
  static void stop() throws SQLException {
    api.close();
    store.close();
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  static Reply get(String pathAndQuery, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.baseUri().resolve(pathAndQuery));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
  }

  static Reply post(String body, String type, String authorization) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(api.baseUri().resolve("/products"))
            .header("Authorization", authorization)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return reply(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
  }

  static Reply reply(HttpResponse<String> response) throws IOException {
    JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), body, response);
  }

  static String query(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** Walks every page of a query; the ids in the order served. */
  static List<Long> walk(Map<String, String> parameters, Runnable betweenPages) throws Exception {
    List<Long> ids = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, String> page = new LinkedHashMap<>(parameters);
      if (cursor != null) {
        page.put("cursor", cursor);
      }
      Reply reply = get("/products?" + query(page), READER);
      assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
      reply.body().get("items").forEach(item -> ids.add(item.get("id").asLong()));
      cursor = reply.body().get("next").isNull() ? null : reply.body().get("next").asText();
      betweenPages.run();
      assertThat(++pages).isLessThan(10_000);
    } while (cursor != null);
    return ids;
  }

  static List<Product> allRows() throws SQLException {
    List<Product> all = new ArrayList<>();
    List<String> after = List.of();
    ProductQuery query = ProductQuery.all(100);
    while (true) {
      List<Product> page = store.pageAfter(query, after, 100);
      all.addAll(page);
      if (page.size() < 100) {
        return all;
      }
      after = List.of(Long.toString(page.getLast().id()));
    }
  }

  static Comparator<Product> comparator(List<ProductQuery.Sort> sort) {
    Comparator<Product> order = null;
    for (ProductQuery.Sort key : sort) {
      Comparator<Product> one =
          switch (key.field()) {
            case ID -> Comparator.comparingLong(Product::id);
            case NAME -> Comparator.comparing(Product::name);
            case CATEGORY -> Comparator.comparing(Product::category);
            case PRICE -> Comparator.comparing(Product::price);
            case CREATED_AT -> Comparator.comparing(Product::createdAt);
          };
      one = key.descending() ? one.reversed() : one;
      order = order == null ? one : order.thenComparing(one);
    }
    return order;
  }

  @Test
  void walkingEveryPageByIdReturnsEachRowExactlyOnceInOrder() throws Exception {
    List<Long> ids = walk(Map.of("limit", "37"), () -> {});
    assertThat(ids).hasSize((int) store.count()).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void sortingOnRepeatedValuesUsesTheIdTieBreaker() throws Exception {
    List<Long> ids = walk(Map.of("sort", "category,-price", "limit", "50"), () -> {});
    List<Long> expected =
        allRows().stream()
            .sorted(
                comparator(
                    List.of(
                        new ProductQuery.Sort(SortField.CATEGORY, false),
                        new ProductQuery.Sort(SortField.PRICE, true),
                        new ProductQuery.Sort(SortField.ID, false))))
            .map(Product::id)
            .toList();
    assertThat(ids).isEqualTo(expected);
  }

  static Stream<Long> seeds() {
    return Seeds.derive(12).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomFiltersAndSortsMatchAnInMemoryOracle(long seed) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, String> parameters = new LinkedHashMap<>();
    List<Predicate<Product>> filters = new ArrayList<>();
    if (random.nextBoolean()) {
      String category = List.of("books", "games", "tools", "nope").get(random.nextInt(4));
      parameters.put("category", category);
      filters.add(p -> p.category().equals(category));
    }
    if (random.nextInt(3) == 0) {
      String prefix = "Item " + random.nextInt(10);
      parameters.put("nameStartsWith", prefix);
      filters.add(p -> p.name().startsWith(prefix));
    }
    if (random.nextBoolean()) {
      BigDecimal min = BigDecimal.valueOf(random.nextInt(50_000), 2);
      parameters.put("minPrice", min.toPlainString());
      filters.add(p -> p.price().compareTo(min) >= 0);
    }
    if (random.nextInt(3) == 0) {
      BigDecimal max = BigDecimal.valueOf(50_000 + random.nextInt(50_000), 2);
      parameters.put("maxPrice", max.toPlainString());
      filters.add(p -> p.price().compareTo(max) <= 0);
    }
    if (random.nextInt(3) == 0) {
      Instant after = Instant.parse("2025-07-01T00:00:00Z").plusSeconds(random.nextInt(10_000_000));
      parameters.put("createdAfter", after.toString());
      filters.add(p -> !p.createdAt().isBefore(after));
    }
    List<SortField> fields =
        new ArrayList<>(
            List.of(SortField.NAME, SortField.CATEGORY, SortField.PRICE, SortField.CREATED_AT));
    List<ProductQuery.Sort> sort = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      sort.add(
          new ProductQuery.Sort(
              fields.remove(random.nextInt(fields.size())), random.nextBoolean()));
    }
    boolean idDescending = random.nextInt(4) == 0;
    sort.add(new ProductQuery.Sort(SortField.ID, idDescending));
    parameters.put(
        "sort", sort.stream().map(ProductQuery.Sort::toString).collect(Collectors.joining(",")));
    parameters.put("limit", Integer.toString(1 + random.nextInt(60)));

    List<Long> served = walk(parameters, () -> {});
    List<Long> expected =
        allRows().stream()
            .filter(filters.stream().reduce(p -> true, Predicate::and))
            .sorted(comparator(sort))
            .map(Product::id)
            .toList();
    assertThat(served).as(parameters.toString()).isEqualTo(expected);
  }

  @Test
  void walkingWhileRowsAreInsertedReturnsEveryEarlierRowExactlyOnce() throws Exception {
    Set<Long> before = allRows().stream().map(Product::id).collect(Collectors.toSet());
    SplittableRandom random = new SplittableRandom(7);
    List<Long> inserted = new ArrayList<>();
    Runnable insertSome =
        () -> {
          try {
            for (int i = 0; i < 3; i++) {
              String price = BigDecimal.valueOf(random.nextInt(100_000), 2).toPlainString();
              Reply created =
                  post(
                      "{\"name\":\"Inserted\",\"category\":\"books\",\"price\":\"" + price + "\"}",
                      "application/json",
                      WRITER);
              assertThat(created.status()).isEqualTo(201);
              inserted.add(created.body().get("id").asLong());
            }
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        };
    List<Long> served = walk(Map.of("sort", "price", "limit", "25"), insertSome);
    assertThat(served).doesNotHaveDuplicates().containsAll(before);
    assertThat(new HashSet<>(served)).isSubsetOf(union(before, inserted));
    assertThat(inserted).isNotEmpty();
  }

  private static Set<Long> union(Set<Long> a, List<Long> b) {
    Set<Long> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void offsetPaginationShowsARowTwiceWhenOneIsInsertedAhead() throws Exception {
    try (ProductStore small = ProductStore.inMemory()) {
      small.seed(20, 1);
      ProductQuery byPrice =
          new ProductQuery(
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              List.of(new ProductQuery.Sort(SortField.PRICE, false)),
              10);
      List<Product> first = small.pageAtOffset(byPrice, 0, 10);
      small.insert("cheapest", "books", BigDecimal.ZERO, Tokens.NOW);
      List<Product> second = small.pageAtOffset(byPrice, 10, 10);
      assertThat(second.getFirst()).isEqualTo(first.getLast());

      List<String> after =
          byPrice.sort().stream().map(key -> key.field().valueOf(first.getLast())).toList();
      List<Product> keyset = small.pageAfter(byPrice, after, 10);
      assertThat(keyset).doesNotContainAnyElementsOf(first);
    }
  }

  @Test
  void forgedAlteredAndReplayedCursorsAreRejected() throws Exception {
    Reply first = get("/products?limit=5&sort=-price", READER);
    String cursor = first.body().get("next").asText();
    assertThat(get("/products?limit=5&sort=-price&cursor=" + cursor, READER).status())
        .isEqualTo(200);

    char[] chars = cursor.toCharArray();
    chars[3] = chars[3] == 'A' ? 'B' : 'A';
    assertProblem(
        get("/products?limit=5&sort=-price&cursor=" + new String(chars), READER), 400, "cursor");

    CursorCodec forger = new CursorCodec(new byte[32]);
    String forged = forger.encode("sort=-price,id", List.of("0.00", "1"));
    assertProblem(get("/products?limit=5&sort=-price&cursor=" + forged, READER), 400, "cursor");

    assertProblem(get("/products?limit=5&sort=price&cursor=" + cursor, READER), 400, "cursor");
    assertProblem(
        get("/products?limit=5&sort=-price&category=books&cursor=" + cursor, READER),
        400,
        "cursor");
    assertProblem(get("/products?cursor=not-a-cursor", READER), 400, "cursor");
    assertProblem(get("/products?cursor=" + "A".repeat(5000) + ".AA", READER), 400, "cursor");
  }

  static Stream<String> parameterNames() {
    return ProductQuery.PARAMETERS.stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parameterNames")
  void anInjectionAttemptInEveryParameterIsInertOrRefused(String parameter) throws Exception {
    long rows = store.count();
    for (String attack :
        List.of(
            "books' OR '1'='1",
            "1; DROP TABLE products; --",
            "price DESC; DELETE FROM products",
            "%",
            "_",
            "0 OR 1=1")) {
      Reply reply = get("/products?" + query(Map.of(parameter, attack)), READER);
      if (reply.status() == 200) {
        assertThat(reply.body().get("items")).as(parameter + "=" + attack).isEmpty();
      } else {
        assertProblem(reply, 400, parameter);
      }
    }
    assertThat(store.count()).isEqualTo(rows);
  }

  @Test
  void anInjectionAttemptInTheBodyAndPathIsStoredLiterallyOrRefused() throws Exception {
    String attack = "x'); DELETE FROM products; --";
    Reply created =
        post(
            "{\"name\":"
                + JSON.writeValueAsString(attack)
                + ",\"category\":\"a' OR 1=1\",\"price\":1}",
            "application/json",
            WRITER);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("name").asText()).isEqualTo(attack);
    assertProblem(
        post(
            "{\"name\":\"n\",\"category\":\"c\",\"price\":\"1 OR 1=1\"}",
            "application/json",
            WRITER),
        400,
        "price");
    assertProblem(get("/products/1%20OR%201=1", READER), 400, "id");
    Reply found = get("/products/" + created.body().get("id").asLong(), READER);
    assertThat(found.body().get("category").asText()).isEqualTo("a' OR 1=1");
  }

  @Test
  void likeWildcardsInTheNamePrefixAreLiteral() throws Exception {
    post(
        "{\"name\":\"100%_off\",\"category\":\"deals\",\"price\":\"5\"}",
        "application/json", WRITER);
    Reply literal = get("/products?" + query(Map.of("nameStartsWith", "100%_")), READER);
    assertThat(literal.body().get("items")).hasSize(1);
    Reply none = get("/products?" + query(Map.of("nameStartsWith", "1%f")), READER);
    assertThat(none.body().get("items")).isEmpty();
  }

  @Test
  void unicodeRoundTripsThroughCreateFilterAndRead() throws Exception {
    String name = "Café 東京 \uD83D\uDE80 naïve";
    Reply created =
        post(
            "{\"name\":"
                + JSON.writeValueAsString(name)
                + ",\"category\":\"ünï\",\"price\":\"12.50\"}",
            "application/json; charset=utf-8",
            WRITER);
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw().headers().firstValue("Location"))
        .hasValue("/products/" + created.body().get("id").asLong());
    Reply found =
        get("/products?" + query(Map.of("nameStartsWith", "Café 東京 \uD83D\uDE80")), READER);
    assertThat(found.body().get("items").get(0).get("name").asText()).isEqualTo(name);
    assertThat(found.body().get("items").get(0).get("price").decimalValue())
        .isEqualByComparingTo("12.5");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "limit=0",
        "limit=101",
        "limit=ten",
        "limit=-1",
        "minPrice=-1",
        "minPrice=1.234",
        "maxPrice=1e3",
        "minPrice=5&maxPrice=4",
        "createdAfter=yesterday",
        "sort=weight",
        "sort=price,price",
        "sort=id,price",
        "sort=name,category,price,createdAt",
        "sort=",
        "category=",
        "category=%01",
        "nameStartsWith=%20%20",
        "colour=red",
        "limit=1&limit=2",
        "limit=%E9"
      })
  void invalidParametersAreProblemsNamingTheParameter(String rawQuery) throws Exception {
    Reply reply = get("/products?" + rawQuery, READER);
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    assertThat(reply.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(reply.body().get("parameter").asText()).isNotEmpty();
    assertThat(reply.body().get("detail").asText()).isNotEmpty();
  }

  @Test
  void tooLongTextIsRefused() throws Exception {
    assertProblem(
        get("/products?" + query(Map.of("category", "c".repeat(65))), READER), 400, "category");
    assertProblem(
        get("/products?" + query(Map.of("nameStartsWith", "n".repeat(201))), READER),
        400,
        "nameStartsWith");
  }

  @Test
  void singleProductRoutes() throws Exception {
    Reply one = get("/products/1", READER);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.body().get("id").asLong()).isEqualTo(1);
    assertThat(store.find(1)).map(Product::name).hasValue(one.body().get("name").asText());
    assertProblem(get("/products/99999999", READER), 404, null);
    assertProblem(get("/products/0", READER), 400, "id");
    assertProblem(get("/products/abc", READER), 400, "id");
    assertProblem(get("/products/1?x=1", READER), 400, "query");
    assertProblem(get("/nothing", READER), 404, null);
  }

  @Test
  void aWrongMethodIs405WithAllow() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(api.baseUri().resolve("/products"))
                .header("Authorization", READER)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
  }

  @Test
  void badBodiesAreProblems() throws Exception {
    assertProblem(post("{}", "text/plain", WRITER), 415, null);
    assertProblem(post("{", "application/json", WRITER), 400, "body");
    assertProblem(post("[1]", "application/json", WRITER), 400, "body");
    assertProblem(
        post(
            "{\"name\":\"n\",\"category\":\"c\",\"price\":\"1\",\"id\":5}",
            "application/json",
            WRITER),
        400,
        "id");
    assertProblem(
        post("{\"category\":\"c\",\"price\":\"1\"}", "application/json", WRITER), 400, "name");
    assertProblem(
        post("{\"name\":7,\"category\":\"c\",\"price\":\"1\"}", "application/json", WRITER),
        400,
        "name");
    assertProblem(
        post(
            "{\"name\":\"" + "n".repeat(ScalableRestApi.MAX_BODY) + "\"}",
            "application/json",
            WRITER),
        413,
        null);
  }

  @Test
  void storeAndQueryContracts() throws Exception {
    assertThatThrownBy(() -> store.seed(10, 1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> store.pageAtOffset(ProductQuery.all(), -1, 10))
        .hasMessageContaining("offset");
    assertThatThrownBy(() -> store.pageAfter(ProductQuery.all(), List.of("1", "2"), 10))
        .hasMessageContaining("one value per sort key");
    assertThatThrownBy(() -> store.pageAfter(ProductQuery.all(), List.of(), 0))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> store.insert("", "c", BigDecimal.ONE, Tokens.NOW))
        .hasMessageContaining("name");
    assertThatThrownBy(() -> store.insert("n", "c", new BigDecimal("-1"), Tokens.NOW))
        .hasMessageContaining("price");
    assertThatThrownBy(() -> ProductQuery.all(0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> new CursorCodec(new byte[31])).hasMessageContaining("32");
    assertThatThrownBy(() -> ScalableRestApi.builder(store, Tokens.authenticator()).port(70_000))
        .hasMessageContaining("port");
    assertThat(new CursorCodec(new byte[32]).toString()).doesNotContain("AAAA");
    ProductStore closed = ProductStore.inMemory();
    closed.close();
    closed.close();
    assertThatThrownBy(closed::count).isInstanceOf(IllegalStateException.class);
  }

  static void assertProblem(Reply reply, int status, String parameter) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
    assertThat(reply.raw().headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(reply.body().get("status").asInt()).isEqualTo(status);
    assertThat(reply.body().get("title").asText()).isNotBlank();
    assertThat(reply.body().get("type").asText()).isEqualTo("about:blank");
    if (parameter != null) {
      assertThat(reply.body().get("parameter").asText()).isEqualTo(parameter);
    }
  }
}
