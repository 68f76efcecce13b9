package org.interviewtasks.senior.architecture.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed chain of steps from a raw input {@code I} to a checked value {@code O}: normalise ({@link
 * #map}), parse ({@link #parse}), require ({@link #required}), check ({@link #validate}). Each step
 * changes the type the next one sees, so the compiler checks the chain end to end. The first step
 * that finds a problem stops the chain (a number that did not parse has no range to check); collect
 * several fields' problems with {@link Result#combine}. A {@code null} passes through {@code map}
 * and {@code parse} untouched, so an absent optional field stays absent. Immutable and reusable:
 * every method returns a new pipeline.
 *
 * @param <I> the input type
 * @param <O> the output type
 */
public final class Pipeline<I, O> {

  /** One step: the value so far and its path to a result. */
  @FunctionalInterface
  private interface Step<I, O> {
    Result<O> run(I input, Path path);
  }

  private final Step<I, O> step;

  private Pipeline(Step<I, O> step) {
    this.step = step;
  }

  /** The pipeline that passes its input on unchanged. */
  public static <I> Pipeline<I, I> start() {
    return new Pipeline<>((input, path) -> Result.valid(input));
  }

  /** Then a transformation that cannot fail (trim, lower-case, unit conversion). */
  public <N> Pipeline<I, N> map(Function<? super O, ? extends N> normalise) {
    Objects.requireNonNull(normalise, "normalise");
    return new Pipeline<>(
        (input, path) ->
            step.run(input, path).map(value -> value == null ? null : normalise.apply(value)));
  }

  /**
   * Then a transformation that may fail by throwing (an {@code Integer::parseInt}, a {@code
   * LocalDate::parse}): a {@link RuntimeException} becomes a violation with this code and message.
   */
  public <N> Pipeline<I, N> parse(
      Function<? super O, ? extends N> parser, String code, String message) {
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(message, "message");
    if (Objects.requireNonNull(code, "code").isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
    return new Pipeline<>(
        (input, path) ->
            step.run(input, path)
                .flatMap(
                    value -> {
                      if (value == null) {
                        return Result.valid(null);
                      }
                      try {
                        return Result.valid(parser.apply(value));
                      } catch (RuntimeException e) {
                        return new Result.Invalid<>(List.of(new Violation(path, code, message)));
                      }
                    }));
  }

  /** Then a {@code NotNull} check: an absent value stops the chain here. */
  public Pipeline<I, O> required() {
    return validate(Constraints.notNull());
  }

  /** Then every rule of {@code validator}; any violation stops the chain with all of them. */
  public Pipeline<I, O> validate(Validator<? super O> validator) {
    Objects.requireNonNull(validator, "validator");
    return new Pipeline<>(
        (input, path) ->
            step.run(input, path)
                .flatMap(
                    value -> {
                      List<Violation> violations = new ArrayList<>();
                      validator.validate(value, path, violations);
                      return Result.of(value, violations);
                    }));
  }

  /** Runs the pipeline on a value at the root path. */
  public Result<O> run(I input) {
    return run(input, Path.root());
  }

  /** Runs the pipeline on a value that sits at {@code path} (its violations say so). */
  public Result<O> run(I input, Path path) {
    Objects.requireNonNull(path, "path");
    return step.run(input, path);
  }
}
