package org.interviewtasks.senior.advanced.sql;

import java.util.Locale;
import java.util.Objects;

/**
 * The column and value types of the engine, each with the one Java class its values have: {@link
 * #INTEGER} is a 64-bit {@link Long} (SQL {@code BIGINT}), {@link #DOUBLE} a finite {@link Double},
 * {@link #VARCHAR} a {@link String}, {@link #BOOLEAN} a {@link Boolean}. {@code NULL} belongs to
 * every type; {@link #NULL} is only the type of the bare literal {@code NULL}.
 */
public enum SqlType {
  /** 64-bit signed integers ({@link Long}). */
  INTEGER,
  /** Finite IEEE 754 doubles ({@link Double}). */
  DOUBLE,
  /** Unicode text ({@link String}), compared by UTF-16 code units as H2 does by default. */
  VARCHAR,
  /** {@code TRUE}, {@code FALSE} ({@link Boolean}); unknown is {@code null}. */
  BOOLEAN,
  /** The type of the literal {@code NULL}: compatible with every other type. */
  NULL;

  /** Whether arithmetic applies: {@link #INTEGER}, {@link #DOUBLE} or {@link #NULL}. */
  boolean numeric() {
    return this == INTEGER || this == DOUBLE || this == NULL;
  }

  /** Whether values of the two types can be compared with each other. */
  boolean comparableWith(SqlType other) {
    return this == NULL || other == NULL || this == other || (numeric() && other.numeric());
  }

  /**
   * The type named in a schema or CSV header, case-insensitively; {@code BIGINT} and {@code INT}
   * mean {@link #INTEGER}, {@code TEXT} and {@code STRING} mean {@link #VARCHAR}.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static SqlType parse(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name.strip().toUpperCase(Locale.ROOT)) {
      case "INTEGER", "INT", "BIGINT", "LONG" -> INTEGER;
      case "DOUBLE", "FLOAT", "REAL" -> DOUBLE;
      case "VARCHAR", "TEXT", "STRING" -> VARCHAR;
      case "BOOLEAN", "BOOL" -> BOOLEAN;
      default ->
          throw new IllegalArgumentException(
              "unknown type '" + name + "': expected INTEGER, DOUBLE, VARCHAR or BOOLEAN");
    };
  }

  /**
   * Checks that {@code value} may be stored in a column of this type and returns it in its
   * canonical class ({@link Integer}, {@link Short} and {@link Byte} become {@link Long}, {@link
   * Float} becomes {@link Double}, {@code -0.0} becomes {@code 0.0}).
   *
   * @throws IllegalArgumentException if the value has another type or is a non-finite number
   */
  Object coerce(Object value, String column) {
    if (value == null) {
      return null;
    }
    Object canonical =
        switch (this) {
          case INTEGER ->
              value instanceof Long
                      || value instanceof Integer
                      || value instanceof Short
                      || value instanceof Byte
                  ? (Object) ((Number) value).longValue()
                  : null;
          case DOUBLE -> {
            if (value instanceof Double || value instanceof Float) {
              double d = ((Number) value).doubleValue();
              if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(
                    "column " + column + " takes finite numbers only: " + value);
              }
              yield d == 0.0 ? 0.0 : d;
            }
            yield null;
          }
          case VARCHAR -> value instanceof String ? value : null;
          case BOOLEAN -> value instanceof Boolean ? value : null;
          case NULL -> null;
        };
    if (canonical == null) {
      throw new IllegalArgumentException(
          "column "
              + column
              + " is "
              + this
              + ", not "
              + value.getClass().getSimpleName()
              + ": "
              + value);
    }
    return canonical;
  }
}
