package org.interviewtasks.senior.architecture.restapi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.interviewtasks.common.Text;

/**
 * A validated request for one page of products: filters, sort keys (with {@code id} appended as the
 * tie-breaker), page size and the cursor's position. Every value is checked here, before any SQL
 * runs, and reaches the database only as a bound parameter.
 *
 * @param category only this category (exact match), if present
 * @param namePrefix only names starting with this text (matched literally: {@code %} and {@code _}
 *     are not wildcards), if present
 * @param minPrice only prices at least this, if present
 * @param maxPrice only prices at most this, if present
 * @param createdAfter only rows created at or after this instant, if present
 * @param sort the sort keys, the last one always {@code id}
 * @param limit the page size, 1 to {@link #MAX_LIMIT}
 */
public record ProductQuery(
    Optional<String> category,
    Optional<String> namePrefix,
    Optional<BigDecimal> minPrice,
    Optional<BigDecimal> maxPrice,
    Optional<Instant> createdAfter,
    List<Sort> sort,
    int limit) {

  /** The query parameters {@code GET /products} accepts; any other is a 400. */
  public static final Set<String> PARAMETERS =
      Set.of(
          "category",
          "nameStartsWith",
          "minPrice",
          "maxPrice",
          "createdAfter",
          "sort",
          "limit",
          "cursor");

  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  /** The page size when none is asked for. */
  public static final int DEFAULT_LIMIT = 20;

  /** The most sort keys a client may give (the tie-breaker comes on top). */
  public static final int MAX_SORT_KEYS = 3;

  /** The longest name, category or name prefix. */
  public static final int MAX_NAME = 200;

  /** The longest category. */
  public static final int MAX_CATEGORY = 64;

  /** The largest price: {@code DECIMAL(12, 2)}. */
  static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

  /**
   * One sort key.
   *
   * @param field the field
   * @param descending true for largest first
   */
  public record Sort(SortField field, boolean descending) {
    /** Checks the field is present. */
    public Sort {
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
      return (descending ? "-" : "") + field.apiName();
    }
  }

  /** Checks the components and appends the tie-breaker when missing. */
  public ProductQuery {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(namePrefix, "namePrefix");
    Objects.requireNonNull(minPrice, "minPrice");
    Objects.requireNonNull(maxPrice, "maxPrice");
    Objects.requireNonNull(createdAfter, "createdAfter");
    Objects.requireNonNull(sort, "sort");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "]: " + limit);
    }
    List<Sort> keys = new ArrayList<>(sort);
    if (keys.isEmpty() || keys.getLast().field() != SortField.ID) {
      keys.add(new Sort(SortField.ID, false));
    }
    sort = List.copyOf(keys);
  }

  /** All rows, by id, {@link #DEFAULT_LIMIT} a page. */
  public static ProductQuery all() {
    return all(DEFAULT_LIMIT);
  }

  /** All rows, by id, {@code limit} a page. */
  public static ProductQuery all(int limit) {
    return new ProductQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        limit);
  }

  /**
   * Parses and validates the query parameters of {@code GET /products} ({@code cursor} is left to
   * the caller).
   *
   * @throws ApiException 400 naming the first bad parameter
   */
  static ProductQuery parse(Map<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw ApiException.badParameter(
            name, "unknown query parameter " + ApiException.quote(name) + "; known: " + known());
      }
    }
    Optional<String> category =
        Optional.ofNullable(parameters.get("category"))
            .map(value -> text("category", value, MAX_CATEGORY));
    Optional<String> prefix =
        Optional.ofNullable(parameters.get("nameStartsWith"))
            .map(value -> text("nameStartsWith", value, MAX_NAME));
    Optional<BigDecimal> min =
        Optional.ofNullable(parameters.get("minPrice")).map(value -> price("minPrice", value));
    Optional<BigDecimal> max =
        Optional.ofNullable(parameters.get("maxPrice")).map(value -> price("maxPrice", value));
    if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
      throw ApiException.badParameter(
          "minPrice", "minPrice " + min.get() + " is above maxPrice " + max.get());
    }
    Optional<Instant> after =
        Optional.ofNullable(parameters.get("createdAfter")).map(ProductQuery::instant);
    List<Sort> sort =
        parameters.containsKey("sort") ? sort(parameters.get("sort")) : List.<Sort>of();
    int limit = parameters.containsKey("limit") ? limit(parameters.get("limit")) : DEFAULT_LIMIT;
    return new ProductQuery(category, prefix, min, max, after, sort, limit);
  }

  /**
   * The query in one canonical line, the same for the same filters and sort whatever the order of
   * the parameters: a cursor is bound to it, so it cannot be replayed with other filters.
   */
  String canonical() {
    StringJoiner line = new StringJoiner("&");
    category.ifPresent(value -> line.add("category=" + escape(value)));
    namePrefix.ifPresent(value -> line.add("nameStartsWith=" + escape(value)));
    minPrice.ifPresent(value -> line.add("minPrice=" + value.toPlainString()));
    maxPrice.ifPresent(value -> line.add("maxPrice=" + value.toPlainString()));
    createdAfter.ifPresent(value -> line.add("createdAfter=" + value));
    StringJoiner keys = new StringJoiner(",");
    sort.forEach(key -> keys.add(key.toString()));
    line.add("sort=" + keys);
    return line.toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("&", "\\&");
  }

  /** Non-blank text of at most {@code max} characters, without control characters. */
  static String text(String parameter, String value, int max) {
    if (value.isBlank()) {
      throw ApiException.badParameter(parameter, parameter + " must not be blank");
    }
    if (value.length() > max) {
      throw ApiException.badParameter(
          parameter, parameter + " is longer than " + max + " characters: " + value.length());
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiException.badParameter(parameter, parameter + " contains a control character");
    }
    if (Text.firstUnpairedSurrogate(value) >= 0) {
      throw ApiException.badParameter(parameter, parameter + " contains a lone surrogate");
    }
    return value;
  }

  /** A price: a plain decimal, at most two decimals, in {@code [0, MAX_PRICE]}. */
  static BigDecimal price(String parameter, String value) {
    if (!value.matches("[0-9]{1,10}(\\.[0-9]{1,2})?")) {
      throw ApiException.badParameter(
          parameter,
          parameter
              + " must be a decimal in [0, "
              + MAX_PRICE.toPlainString()
              + "] with at most two decimals: "
              + ApiException.quote(value));
    }
    return new BigDecimal(value);
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(
          "createdAfter",
          "createdAfter must be an ISO-8601 instant such as 2026-01-31T12:00:00Z: "
              + ApiException.quote(value));
    }
  }

  private static List<Sort> sort(String value) {
    List<Sort> keys = new ArrayList<>();
    Set<SortField> seen = EnumSet.noneOf(SortField.class);
    for (String part : value.split(",", -1)) {
      boolean descending = part.startsWith("-");
      String name = descending ? part.substring(1) : part;
      SortField field =
          SortField.byApiName(name)
              .orElseThrow(
                  () ->
                      ApiException.badParameter(
                          "sort",
                          "sort key "
                              + ApiException.quote(part)
                              + " is not one of id, name, category, price, createdAt"
                              + " (prefix - for descending)"));
      if (!seen.add(field)) {
        throw ApiException.badParameter("sort", "sort names " + field.apiName() + " twice");
      }
      if (field == SortField.ID && keys.size() + 1 < value.split(",", -1).length) {
        throw ApiException.badParameter("sort", "id, the tie-breaker, may only be the last key");
      }
      keys.add(new Sort(field, descending));
    }
    long given = keys.stream().filter(key -> key.field() != SortField.ID).count();
    if (given > MAX_SORT_KEYS) {
      throw ApiException.badParameter(
          "sort", "at most " + MAX_SORT_KEYS + " sort keys besides id: " + given);
    }
    return keys;
  }

  private static int limit(String value) {
    if (!value.matches("[0-9]{1,3}")
        || Integer.parseInt(value) < 1
        || Integer.parseInt(value) > MAX_LIMIT) {
      throw ApiException.badParameter(
          "limit",
          "limit must be an integer in [1, " + MAX_LIMIT + "]: " + ApiException.quote(value));
    }
    return Integer.parseInt(value);
  }

  private static String known() {
    return String.join(", ", PARAMETERS.stream().sorted().toList());
  }
}
