package org.interviewtasks.senior.advanced.interpreter;

import java.math.BigDecimal;
import java.util.Objects;

/** A value of the language: a number, a string or a boolean. */
public sealed interface Value {

  /** The type's name as error messages say it: {@code number}, {@code string}, {@code boolean}. */
  String typeName();

  /** A number. */
  static Value of(BigDecimal value) {
    return new Num(value);
  }

  /** A number. */
  static Value of(long value) {
    return new Num(BigDecimal.valueOf(value));
  }

  /** A string. */
  static Value of(String value) {
    return new Str(value);
  }

  /** A boolean. */
  static Value of(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  /**
   * A decimal number. Equality of records is {@link BigDecimal#equals} (so {@code 2.0} and {@code
   * 2} differ as Java objects); the language's {@code ==} compares numerically.
   *
   * @param value the number
   */
  record Num(BigDecimal value) implements Value {
    /** Checks the value. */
    public Num {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "number";
    }
  }

  /**
   * A string.
   *
   * @param value the text
   */
  record Str(String value) implements Value {
    /** Checks the value. */
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String typeName() {
      return "string";
    }
  }

  /**
   * A boolean.
   *
   * @param value the truth value
   */
  record Bool(boolean value) implements Value {
    /** {@code true}. */
    public static final Bool TRUE = new Bool(true);

    /** {@code false}. */
    public static final Bool FALSE = new Bool(false);

    @Override
    public String typeName() {
      return "boolean";
    }
  }
}
