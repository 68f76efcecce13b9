package org.interviewtasks.senior.advanced.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Dispatch by condition: the first rule whose predicate holds decides, in the order the rules were
 * added, and a default handles everything else. What a chain of {@code if}/{@code else if} does,
 * but built at runtime (from configuration, plugins, feature flags) and inspectable. Immutable and
 * thread-safe once built if the predicates and handlers are.
 *
 * @param <T> the input type
 * @param <R> the result type
 */
public final class PredicateDispatch<T, R> implements Function<T, R> {

  /** The name {@link #ruleFor} returns when no rule matches. */
  public static final String OTHERWISE = "otherwise";

  private record Rule<T, R>(
      String name, Predicate<? super T> condition, Function<? super T, ? extends R> handler) {}

  private final List<Rule<T, R>> rules;
  private final Function<? super T, ? extends R> otherwise;

  private PredicateDispatch(List<Rule<T, R>> rules, Function<? super T, ? extends R> otherwise) {
    this.rules = List.copyOf(rules);
    this.otherwise = otherwise;
  }

  /** A builder with no rules yet. */
  public static <T, R> Builder<T, R> builder() {
    return new Builder<>();
  }

  /**
   * Runs the handler of the first rule whose condition holds for {@code input}, or the default.
   * Conditions are tested in order, O(rules) each call; the ones after the match are not tested.
   *
   * @throws NullPointerException if {@code input} is null
   */
  @Override
  public R apply(T input) {
    Objects.requireNonNull(input, "input");
    for (Rule<T, R> rule : rules) {
      if (rule.condition().test(input)) {
        return rule.handler().apply(input);
      }
    }
    return otherwise.apply(input);
  }

  /** The name of the rule {@link #apply} would run for {@code input}, or {@value #OTHERWISE}. */
  public String ruleFor(T input) {
    Objects.requireNonNull(input, "input");
    for (Rule<T, R> rule : rules) {
      if (rule.condition().test(input)) {
        return rule.name();
      }
    }
    return OTHERWISE;
  }

  /**
   * Collects rules in order.
   *
   * @param <T> the input type
   * @param <R> the result type
   */
  public static final class Builder<T, R> {
    private final List<Rule<T, R>> rules = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a rule after the existing ones.
     *
     * @param name shown by {@link #ruleFor}; unique and not {@value #OTHERWISE}
     * @throws IllegalArgumentException if the name is blank, taken or {@value #OTHERWISE}
     */
    public Builder<T, R> when(
        String name, Predicate<? super T> condition, Function<? super T, ? extends R> handler) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(condition, "condition");
      Objects.requireNonNull(handler, "handler");
      if (name.isBlank() || name.equals(OTHERWISE)) {
        throw new IllegalArgumentException(
            "a rule needs a name other than blank or otherwise: '" + name + "'");
      }
      if (rules.stream().anyMatch(rule -> rule.name().equals(name))) {
        throw new IllegalArgumentException("a rule named '" + name + "' exists already");
      }
      rules.add(new Rule<>(name, condition, handler));
      return this;
    }

    /** The dispatch, with the handler for inputs no rule matches. */
    public PredicateDispatch<T, R> otherwise(Function<? super T, ? extends R> handler) {
      Objects.requireNonNull(handler, "handler");
      return new PredicateDispatch<>(rules, handler);
    }
  }
}
