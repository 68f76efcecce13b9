package org.interviewtasks.senior.architecture.validation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The built-in rules, named and worded as the Jakarta Bean Validation constraints they mirror
 * ({@code @NotNull}, {@code @Size}, ...), with the same treatment of {@code null}: only {@link
 * #notNull()} rejects it.
 */
public final class Constraints {

  private static final Validator<Object> NOT_NULL =
      (value, path, violations) -> {
        if (value == null) {
          violations.add(new Violation(path, "NotNull", "must not be null"));
        }
      };

  private static final Validator<CharSequence> NOT_BLANK =
      (value, path, violations) -> {
        if (value == null || value.toString().isBlank()) {
          violations.add(new Violation(path, "NotBlank", "must not be blank"));
        }
      };

  private static final Validator<Collection<?>> NOT_EMPTY =
      (value, path, violations) -> {
        if (value == null || value.isEmpty()) {
          violations.add(new Violation(path, "NotEmpty", "must not be empty"));
        }
      };

  // The character classes of an address's local part and domain labels, as RFC 5322 atoms plus
  // non-ASCII (RFC 6531), the same as Hibernate Validator's @Email; quoted local parts and IP
  // literals are not supported.
  private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]";
  private static final String LABEL_CHAR = "[a-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF]";
  private static final Pattern LOCAL_PART =
      Pattern.compile(ATOM + "+(?:\\." + ATOM + "+)*", Pattern.CASE_INSENSITIVE);
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:"
              + LABEL_CHAR
              + "-*)*"
              + LABEL_CHAR
              + "(?:\\.(?:"
              + LABEL_CHAR
              + "-*)*"
              + LABEL_CHAR
              + ")*",
          Pattern.CASE_INSENSITIVE);

  private static final Validator<CharSequence> EMAIL =
      (value, path, violations) -> {
        if (value != null && !isEmail(value.toString())) {
          violations.add(new Violation(path, "Email", "must be a well-formed email address"));
        }
      };

  private Constraints() {}

  /** The value is not {@code null}. Code {@code NotNull}. */
  @SuppressWarnings("unchecked") // a Validator<Object> checks values of any type
  public static <T> Validator<T> notNull() {
    return (Validator<T>) NOT_NULL;
  }

  /** Not {@code null}, and not only whitespace. Code {@code NotBlank}. */
  public static Validator<CharSequence> notBlank() {
    return NOT_BLANK;
  }

  /** Not {@code null} and not empty. Code {@code NotEmpty}. */
  public static Validator<Collection<?>> notEmpty() {
    return NOT_EMPTY;
  }

  /**
   * Text of {@code min} to {@code max} UTF-16 units, as {@code @Size} counts. Code {@code Size}.
   *
   * @throws IllegalArgumentException if {@code min < 0} or {@code max < min}
   */
  public static Validator<CharSequence> length(int min, int max) {
    checkRange(min, max);
    String message = "size must be between " + min + " and " + max;
    return (value, path, violations) -> {
      if (value != null && (value.length() < min || value.length() > max)) {
        violations.add(new Violation(path, "Size", message));
      }
    };
  }

  /**
   * A collection of {@code min} to {@code max} elements. Code {@code Size}.
   *
   * @throws IllegalArgumentException if {@code min < 0} or {@code max < min}
   */
  public static Validator<Collection<?>> size(int min, int max) {
    checkRange(min, max);
    String message = "size must be between " + min + " and " + max;
    return (value, path, violations) -> {
      if (value != null && (value.size() < min || value.size() > max)) {
        violations.add(new Violation(path, "Size", message));
      }
    };
  }

  /** A number {@code >= min}, compared exactly (NaN fails). Code {@code Min}. */
  public static Validator<Number> min(long min) {
    String message = "must be greater than or equal to " + min;
    return (value, path, violations) -> {
      if (value != null && (isNaN(value) || compare(value, min) < 0)) {
        violations.add(new Violation(path, "Min", message));
      }
    };
  }

  /** A number {@code <= max}, compared exactly (NaN fails). Code {@code Max}. */
  public static Validator<Number> max(long max) {
    String message = "must be less than or equal to " + max;
    return (value, path, violations) -> {
      if (value != null && (isNaN(value) || compare(value, max) > 0)) {
        violations.add(new Violation(path, "Max", message));
      }
    };
  }

  /** A number {@code > 0}. Code {@code Positive}. */
  public static Validator<Number> positive() {
    return (value, path, violations) -> {
      if (value != null && (isNaN(value) || compare(value, 0) <= 0)) {
        violations.add(new Violation(path, "Positive", "must be greater than 0"));
      }
    };
  }

  /**
   * Text that matches {@code regex} entirely. Code {@code Pattern}.
   *
   * @throws java.util.regex.PatternSyntaxException if the expression is malformed
   */
  public static Validator<CharSequence> pattern(String regex) {
    Pattern compiled = Pattern.compile(Objects.requireNonNull(regex, "regex"));
    String message = "must match \"" + regex + "\"";
    return (value, path, violations) -> {
      if (value != null && !compiled.matcher(value).matches()) {
        violations.add(new Violation(path, "Pattern", message));
      }
    };
  }

  /**
   * A well-formed email address: {@code local@domain}, dot-separated atoms on both sides, at most
   * 64 characters before the {@code @} and 255 after; empty text passes, as with {@code @Email}.
   * Code {@code Email}.
   */
  public static Validator<CharSequence> email() {
    return EMAIL;
  }

  static boolean isEmail(String value) {
    if (value.isEmpty()) {
      return true;
    }
    int at = value.lastIndexOf('@');
    if (at <= 0 || at == value.length() - 1) {
      return false;
    }
    String local = value.substring(0, at);
    String domain = value.substring(at + 1);
    return local.length() <= 64
        && domain.length() <= 255
        && LOCAL_PART.matcher(local).matches()
        && DOMAIN.matcher(domain).matches();
  }

  private static void checkRange(int min, int max) {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("need 0 <= min <= max: min " + min + ", max " + max);
    }
  }

  /** NaN satisfies no bound. */
  private static boolean isNaN(Number value) {
    return (value instanceof Double || value instanceof Float) && Double.isNaN(value.doubleValue());
  }

  /** Compares a number (not NaN) with a bound exactly. */
  private static int compare(Number value, long bound) {
    return switch (value) {
      case Byte b -> Long.compare(b, bound);
      case Short s -> Long.compare(s, bound);
      case Integer i -> Long.compare(i, bound);
      case Long l -> Long.compare(l, bound);
      case BigInteger big -> big.compareTo(BigInteger.valueOf(bound));
      case BigDecimal big -> big.compareTo(BigDecimal.valueOf(bound));
      default -> {
        double d = value.doubleValue();
        yield Double.isInfinite(d)
            ? (d > 0 ? 1 : -1)
            : new BigDecimal(d).compareTo(BigDecimal.valueOf(bound));
      }
    };
  }
}
