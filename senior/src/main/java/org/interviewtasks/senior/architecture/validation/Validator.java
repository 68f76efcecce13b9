package org.interviewtasks.senior.architecture.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks a value and reports every broken rule, each with the path where it was found. Validators
 * are plain functions, composed with {@link #all}, {@link #and}, {@link #field}, {@link #each}; a
 * custom rule is a lambda or {@link #of}. As in Jakarta Bean Validation, a rule on a value treats
 * {@code null} as valid unless it is {@link Constraints#notNull()}, and {@code field} and {@code
 * each} do not descend into a {@code null}: whether a value may be absent is one rule, said once.
 *
 * @param <T> the type of the values it checks
 */
@FunctionalInterface
public interface Validator<T> {

  /**
   * Checks {@code value}, adding a violation to {@code violations} for each broken rule. Never
   * throws for an invalid value; the primitive every combinator is built on (one shared list, so a
   * valid object costs no allocation for its result).
   *
   * @param value the value, possibly {@code null}
   * @param path where the value sits in the object being validated
   * @param violations where to add violations
   */
  void validate(T value, Path path, List<Violation> violations);

  /** Every violation of {@code value}, in the order the rules were declared; empty if valid. */
  default List<Violation> validate(T value) {
    List<Violation> violations = new ArrayList<>();
    validate(value, Path.root(), violations);
    return List.copyOf(violations);
  }

  /** {@code value} as a {@link Result}: valid, or invalid with every violation. */
  default Result<T> check(T value) {
    List<Violation> violations = new ArrayList<>();
    validate(value, Path.root(), violations);
    return Result.of(value, violations);
  }

  /** This rule and {@code other}, both checked; the violations of both are reported. */
  default <U extends T> Validator<U> and(Validator<? super U> other) {
    Objects.requireNonNull(other, "other");
    return (value, path, violations) -> {
      validate(value, path, violations);
      other.validate(value, path, violations);
    };
  }

  /**
   * This rule, then {@code other} only if this one found nothing: for a rule that makes no sense on
   * a value that already failed (a database lookup after a format check).
   */
  default <U extends T> Validator<U> then(Validator<? super U> other) {
    Objects.requireNonNull(other, "other");
    return (value, path, violations) -> {
      int before = violations.size();
      validate(value, path, violations);
      if (violations.size() == before) {
        other.validate(value, path, violations);
      }
    };
  }

  /** This rule, only for values where {@code condition} holds (never tested on {@code null}). */
  default Validator<T> when(Predicate<? super T> condition) {
    Objects.requireNonNull(condition, "condition");
    return (value, path, violations) -> {
      if (value != null && condition.test(value)) {
        validate(value, path, violations);
      }
    };
  }

  /**
   * This rule, reporting its violations under {@code field}: a rule on a whole object that is about
   * one of its fields, such as "the end date is after the start date".
   */
  default Validator<T> at(String field) {
    Path.root().field(field); // checks the name now, not at the first violation
    return (value, path, violations) -> validate(value, path.field(field), violations);
  }

  /**
   * A custom rule from a predicate; {@code null} passes.
   *
   * @param code the rule's code in violations, e.g. {@code Isbn}
   * @param message the message in violations
   */
  static <T> Validator<T> of(Predicate<? super T> rule, String code, String message) {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    if (Objects.requireNonNull(code, "code").isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    return (value, path, violations) -> {
      if (value != null && !rule.test(value)) {
        violations.add(new Violation(path, code, message));
      }
    };
  }

  /** All these rules, in order, each reporting its violations. */
  @SafeVarargs
  static <T> Validator<T> all(Validator<? super T>... validators) {
    List<Validator<? super T>> copy = new ArrayList<>(validators.length);
    for (Validator<? super T> validator : validators) {
      copy.add(Objects.requireNonNull(validator, "validator"));
    }
    return (value, path, violations) -> {
      for (Validator<? super T> validator : copy) {
        validator.validate(value, path, violations);
      }
    };
  }

  /**
   * A rule on one field of the value, reported under the field's name; not checked when the value
   * itself is {@code null}.
   *
   * @param name the field's name in paths
   * @param getter reads the field
   * @param validator the field's rules
   */
  static <T, F> Validator<T> field(
      String name, Function<? super T, ? extends F> getter, Validator<? super F> validator) {
    Path.root().field(name); // checks the name
    Objects.requireNonNull(getter, "getter");
    Objects.requireNonNull(validator, "validator");
    return (value, path, violations) -> {
      if (value != null) {
        validator.validate(getter.apply(value), path.field(name), violations);
      }
    };
  }

  /**
   * A rule on every element of an iterable, reported under the element's index ({@code items[3]});
   * not checked when the iterable is {@code null}. Combined with rules on the collection itself,
   * javac may need the type named: {@code Validator.<List<Item>>all(notEmpty(), each(ITEM))}.
   */
  static <E> Validator<Iterable<? extends E>> each(Validator<? super E> validator) {
    Objects.requireNonNull(validator, "validator");
    return (value, path, violations) -> {
      if (value != null) {
        int i = 0;
        for (E element : value) {
          validator.validate(element, path.index(i++), violations);
        }
      }
    };
  }
}
