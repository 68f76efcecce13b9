package org.interviewtasks.senior.advanced.dispatch;

import org.interviewtasks.common.Task;

/**
 * Dynamic dispatch with custom rules: pick an implementation at runtime by the classes of
 * <i>several</i> arguments ({@link MultiMethod}, "multimethods", as in CLOS or Clojure's {@code
 * defmulti}) or by conditions on the argument ({@link PredicateDispatch}). Java's own dispatch is
 * single (a virtual call picks by the receiver's class only) and its overloads are resolved at
 * compile time by the declared types; a multimethod does for all arguments, at runtime, what the
 * compiler does for overloads.
 *
 * <p><b>Approach.</b> An implementation applies when each argument is an instance of its parameter
 * type (class or interface, {@link Class#isAssignableFrom}). Among those that apply the most
 * specific wins: one implementation is more specific than another when every parameter type is a
 * subtype of the other's (the rule of JLS 15.12.2.5, applied to runtime classes). If none applies
 * the call fails with {@link DispatchException.Kind#MISSING}; if several are maximal (say {@code
 * (Circle, Shape)} and {@code (Shape, Circle)} for two circles) it fails with {@link
 * DispatchException.Kind#AMBIGUOUS} naming them: guessing would hide a design error. Resolution
 * costs O(m² · k) for m implementations of k parameters, so it is done once per tuple of classes
 * and cached in a chain of {@link ClassValue}s (one per argument position), after which a call is k
 * class-keyed lookups with no allocation and no lock. {@link PredicateDispatch} tries its rules in
 * order and falls back to a default, since "first matching condition" is the only order predicates
 * have (there is no "more specific" between arbitrary conditions).
 *
 * <p><b>The baselines.</b> {@link Shapes} holds one set of rules three ways: a pattern-matching
 * {@code switch} over sealed types ({@link Shapes#bySwitch}), double dispatch by virtual calls
 * ({@link Shapes.Shape#collide}), and a multimethod ({@link Shapes#byMultiMethod}); the tests run
 * the same cases through all three. The {@code switch} is what to write when the hierarchy is yours
 * and closed: the compiler proves it exhaustive and rejects a case hidden by an earlier one. Double
 * dispatch needs a method per concrete type in every class. A multimethod is for rules that arrive
 * at runtime (plugins, configuration) or types you do not own, and pays a cache lookup per
 * argument; the benchmark puts numbers on the three.
 *
 * <p><b>Edge cases and failure modes.</b> A {@code null} argument has no class: {@link
 * NullPointerException} naming its position. Primitive parameter types are refused (arguments
 * arrive boxed: use {@code Integer.class}); so are duplicate signatures and a builder with no
 * implementation. Failed resolutions are cached too, so a bad call fails fast every time. The cache
 * grows with the distinct class tuples seen (at most classes<sup>k</sup>); a {@code ClassValue}
 * entry lives in the class itself and goes away with it, where a {@code ConcurrentHashMap} keyed by
 * {@code Class} would pin class loaders (plugins!). A multimethod is immutable: a new rule means
 * building a new one, which also drops the cache, so no call sees a half-updated rule set.
 *
 * <p><b>Follow-up.</b> <i>"CLOS does not report ambiguity: why?"</i> It orders the arguments,
 * leftmost first, so {@code (Circle, Shape)} beats {@code (Shape, Circle)}; deterministic but
 * surprising, which is why Java's overload rule (and this class) refuses instead. <i>"How would you
 * add {@code call-next-method}?"</i> Keep the sorted list of applicable implementations in the
 * resolution and pass the body a handle on the next one.
 */
@Task(id = "senior.advanced.6", title = "Dynamic dispatch")
public final class DynamicDispatch {

  private DynamicDispatch() {}

  /**
   * Starts a multimethod of {@code arity} arguments.
   *
   * @throws IllegalArgumentException if the name is blank or the arity is not 1 to {@value
   *     MultiMethod#MAX_ARITY}
   */
  public static <R> MultiMethod.Builder<R> multimethod(String name, int arity) {
    return MultiMethod.builder(name, arity);
  }

  /** Starts a dispatch by conditions, tried in order, with a default. */
  public static <T, R> PredicateDispatch.Builder<T, R> byPredicate() {
    return PredicateDispatch.builder();
  }
}
