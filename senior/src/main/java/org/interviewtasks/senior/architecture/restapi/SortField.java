package org.interviewtasks.senior.architecture.restapi;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The fields a page may be sorted on. The SQL column of each is a constant here: a client names a
 * field from this list, never a column, so no input ever reaches the SQL text.
 */
public enum SortField {
  /** The primary key; always the last sort key (the tie-breaker). */
  ID("id", "id"),
  /** The product's name. */
  NAME("name", "name"),
  /** The category. */
  CATEGORY("category", "category"),
  /** The price. */
  PRICE("price", "price"),
  /** The creation time. */
  CREATED_AT("createdAt", "created_at");

  private final String apiName;
  private final String column;

  SortField(String apiName, String column) {
    this.apiName = apiName;
    this.column = column;
  }

  /** The name clients use in {@code sort=}. */
  public String apiName() {
    return apiName;
  }

  /** The SQL column: a constant of this enum, never client input. */
  String column() {
    return column;
  }

  /** The field a client named, if it is one. */
  static Optional<SortField> byApiName(String name) {
    for (SortField field : values()) {
      if (field.apiName.equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** This field of a product, as the text a cursor carries. */
  String valueOf(Product product) {
    return switch (this) {
      case ID -> Long.toString(product.id());
      case NAME -> product.name();
      case CATEGORY -> product.category();
      case PRICE -> product.price().toPlainString();
      case CREATED_AT -> product.createdAt().toString();
    };
  }

  /**
   * Binds a cursor's text for this field to a statement parameter, parsed back to its type.
   *
   * @throws IllegalArgumentException if the text is not a value of this field
   */
  void bind(PreparedStatement statement, int index, String value) throws SQLException {
    switch (this) {
      case ID -> statement.setLong(index, Long.parseLong(value));
      case NAME, CATEGORY -> statement.setString(index, value);
      case PRICE -> statement.setBigDecimal(index, new BigDecimal(value));
      case CREATED_AT ->
          statement.setObject(
              index, OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC));
    }
  }

  /** Reads a product from the current row (all columns, in any order). */
  static Product read(ResultSet row) throws SQLException {
    return new Product(
        row.getLong("id"),
        row.getString("name"),
        row.getString("category"),
        row.getBigDecimal("price"),
        row.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
