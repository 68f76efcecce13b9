package org.interviewtasks.senior.architecture.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The outcome of validating or transforming a value: {@link Valid} with the value, or {@link
 * Invalid} with every violation found. The {@code combine} methods build a value from several
 * results and, unlike a chain of {@code flatMap}s, collect the violations of <i>all</i> of them.
 *
 * @param <T> the type of the value
 */
public sealed interface Result<T> {

  /**
   * A valid value ({@code null} allowed: an optional field that was absent).
   *
   * @param value the value
   * @param <T> its type
   */
  record Valid<T>(T value) implements Result<T> {}

  /**
   * An invalid value.
   *
   * @param violations at least one, copied
   * @param <T> the type the value would have had
   */
  record Invalid<T>(List<Violation> violations) implements Result<T> {
    /** Checks and copies the violations. */
    public Invalid {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("an invalid result has at least one violation");
      }
    }
  }

  /** A valid result. */
  static <T> Result<T> valid(T value) {
    return new Valid<>(value);
  }

  /**
   * Valid if there are no violations, else invalid with them.
   *
   * @param value the value, when valid
   */
  static <T> Result<T> of(T value, List<Violation> violations) {
    Objects.requireNonNull(violations, "violations");
    return violations.isEmpty() ? new Valid<>(value) : new Invalid<>(violations);
  }

  /** Whether this is {@link Valid}. */
  default boolean isValid() {
    return this instanceof Valid<T>;
  }

  /** The violations: empty when valid. */
  default List<Violation> violations() {
    return switch (this) {
      case Valid<T> v -> List.of();
      case Invalid<T> i -> i.violations();
    };
  }

  /**
   * The value.
   *
   * @throws ValidationException listing every violation, if invalid
   */
  default T orElseThrow() {
    return switch (this) {
      case Valid<T> v -> v.value();
      case Invalid<T> i -> throw new ValidationException(i.violations());
    };
  }

  /** Transforms a valid value; an invalid result stays as it is. */
  default <R> Result<R> map(Function<? super T, ? extends R> mapper) {
    Objects.requireNonNull(mapper, "mapper");
    return switch (this) {
      case Valid<T> v -> new Valid<>(mapper.apply(v.value()));
      case Invalid<T> i -> new Invalid<>(i.violations());
    };
  }

  /** Continues with a step that may fail; stops at the first invalid result. */
  default <R> Result<R> flatMap(Function<? super T, ? extends Result<R>> next) {
    Objects.requireNonNull(next, "next");
    return switch (this) {
      case Valid<T> v -> Objects.requireNonNull(next.apply(v.value()), "next returned null");
      case Invalid<T> i -> new Invalid<>(i.violations());
    };
  }

  /** Two results into one value; invalid with the violations of both if either is invalid. */
  static <A, B, R> Result<R> combine(
      Result<A> a, Result<B> b, BiFunction<? super A, ? super B, ? extends R> build) {
    Objects.requireNonNull(build, "build");
    List<Violation> all = collect(a, b);
    return all.isEmpty()
        ? new Valid<>(build.apply(a.orElseThrow(), b.orElseThrow()))
        : new Invalid<>(all);
  }

  /** A function of three arguments, for {@link #combine(Result, Result, Result, Function3)}. */
  @FunctionalInterface
  interface Function3<A, B, C, R> {
    /** Applies the function. */
    R apply(A a, B b, C c);
  }

  /** A function of four arguments. */
  @FunctionalInterface
  interface Function4<A, B, C, D, R> {
    /** Applies the function. */
    R apply(A a, B b, C c, D d);
  }

  /** Three results into one value, with the violations of all. */
  static <A, B, C, R> Result<R> combine(
      Result<A> a,
      Result<B> b,
      Result<C> c,
      Function3<? super A, ? super B, ? super C, ? extends R> build) {
    Objects.requireNonNull(build, "build");
    List<Violation> all = collect(a, b, c);
    return all.isEmpty()
        ? new Valid<>(build.apply(a.orElseThrow(), b.orElseThrow(), c.orElseThrow()))
        : new Invalid<>(all);
  }

  /** Four results into one value, with the violations of all. */
  static <A, B, C, D, R> Result<R> combine(
      Result<A> a,
      Result<B> b,
      Result<C> c,
      Result<D> d,
      Function4<? super A, ? super B, ? super C, ? super D, ? extends R> build) {
    Objects.requireNonNull(build, "build");
    List<Violation> all = collect(a, b, c, d);
    return all.isEmpty()
        ? new Valid<>(
            build.apply(a.orElseThrow(), b.orElseThrow(), c.orElseThrow(), d.orElseThrow()))
        : new Invalid<>(all);
  }

  /** Many results of one type into a list, with the violations of all. */
  static <T> Result<List<T>> sequence(List<? extends Result<? extends T>> results) {
    Objects.requireNonNull(results, "results");
    List<Violation> all = new ArrayList<>();
    List<T> values = new ArrayList<>(results.size());
    for (Result<? extends T> result : results) {
      Objects.requireNonNull(result, "result");
      all.addAll(result.violations());
      if (result instanceof Valid<? extends T> v) {
        values.add(v.value());
      }
    }
    return all.isEmpty()
        ? new Valid<>(java.util.Collections.unmodifiableList(values))
        : new Invalid<>(all);
  }

  private static List<Violation> collect(Result<?>... results) {
    List<Violation> all = new ArrayList<>();
    for (Result<?> result : results) {
      all.addAll(Objects.requireNonNull(result, "result").violations());
    }
    return all;
  }
}
