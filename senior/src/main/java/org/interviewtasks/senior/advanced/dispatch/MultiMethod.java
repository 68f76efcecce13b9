package org.interviewtasks.senior.advanced.dispatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A function of {@code arity} arguments with several implementations, chosen at each call by the
 * runtime classes of all the arguments: the most specific implementation whose parameter types
 * accept them. Immutable and thread-safe once built; resolution is cached per tuple of classes.
 *
 * @param <R> the result type
 */
public final class MultiMethod<R> {

  /** The most parameters an implementation may have. */
  public static final int MAX_ARITY = 8;

  /**
   * An implementation: receives the arguments, each already known to be an instance of the
   * corresponding parameter type.
   *
   * @param <R> the result type
   */
  @FunctionalInterface
  public interface Body<R> {
    /**
     * Computes the result.
     *
     * @param arguments the call's arguments (the array is the implementation's to keep)
     */
    R apply(Object[] arguments);
  }

  /** One implementation: its parameter types and its body. */
  record Implementation<R>(List<Class<?>> types, Body<R> body) {

    boolean accepts(Class<?>[] classes) {
      for (int i = 0; i < classes.length; i++) {
        if (!types.get(i).isAssignableFrom(classes[i])) {
          return false;
        }
      }
      return true;
    }

    /** At least as specific as {@code other}: every parameter type is a subtype of the other's. */
    boolean atLeastAsSpecificAs(Implementation<R> other) {
      for (int i = 0; i < types.size(); i++) {
        if (!other.types.get(i).isAssignableFrom(types.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  /** The outcome of resolving one tuple of classes: an implementation, or the error to throw. */
  record Resolution<R>(
      Implementation<R> chosen,
      DispatchException.Kind failure,
      List<Class<?>> types,
      List<List<Class<?>>> candidates) {}

  private final String name;
  private final int arity;
  private final List<Implementation<R>> implementations;
  private final Level<R> root;

  private MultiMethod(String name, int arity, List<Implementation<R>> implementations) {
    this.name = name;
    this.arity = arity;
    this.implementations = List.copyOf(implementations);
    this.root = new Level<>(this, new Class<?>[0]);
  }

  /**
   * A builder of a multimethod.
   *
   * @param name used in error messages
   * @param arity the number of arguments, 1 to {@value #MAX_ARITY}
   * @throws IllegalArgumentException if the name is blank or the arity out of range
   */
  public static <R> Builder<R> builder(String name, int arity) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    if (arity < 1 || arity > MAX_ARITY) {
      throw new IllegalArgumentException("arity must be 1.." + MAX_ARITY + ": " + arity);
    }
    return new Builder<>(name, arity);
  }

  /** The name given to the builder. */
  public String name() {
    return name;
  }

  /** The number of arguments of every call. */
  public int arity() {
    return arity;
  }

  /**
   * Calls the implementation that fits the arguments' runtime classes best.
   *
   * @throws NullPointerException if an argument is {@code null} (it has no class to dispatch on)
   * @throws IllegalArgumentException if the number of arguments is not {@link #arity()}
   * @throws DispatchException if no implementation, or no single most specific one, applies
   */
  public R invoke(Object... arguments) {
    Objects.requireNonNull(arguments, "arguments");
    if (arguments.length != arity) {
      throw new IllegalArgumentException(
          name + " takes " + arity + " arguments, not " + arguments.length);
    }
    Object node = root;
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      if (argument == null) {
        throw new NullPointerException("argument " + i + " of " + name + " is null");
      }
      node = ((Level<?>) node).get(argument.getClass());
    }
    @SuppressWarnings("unchecked") // the leaves of this multimethod's levels are its resolutions
    Resolution<R> resolution = (Resolution<R>) node;
    return call(resolution, arguments);
  }

  /** {@link #invoke} without the cache: resolves on every call (for comparison). */
  R invokeUncached(Object... arguments) {
    Class<?>[] classes = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      classes[i] = arguments[i].getClass();
    }
    return call(resolve(classes), arguments);
  }

  private R call(Resolution<R> resolution, Object[] arguments) {
    if (resolution.chosen() == null) {
      throw new DispatchException(
          name, resolution.failure(), resolution.types(), resolution.candidates());
    }
    return resolution.chosen().body().apply(arguments);
  }

  /**
   * The parameter types of the implementation a call with arguments of these classes would run.
   *
   * @throws DispatchException if none or several apply
   */
  public List<Class<?>> signatureFor(Class<?>... classes) {
    Objects.requireNonNull(classes, "classes");
    if (classes.length != arity) {
      throw new IllegalArgumentException(
          name + " takes " + arity + " arguments, not " + classes.length);
    }
    for (int i = 0; i < classes.length; i++) {
      Objects.requireNonNull(classes[i], "classes[" + i + "]");
    }
    Resolution<R> resolution = resolve(classes.clone());
    if (resolution.chosen() == null) {
      throw new DispatchException(
          name, resolution.failure(), resolution.types(), resolution.candidates());
    }
    return resolution.chosen().types();
  }

  /**
   * The maximally specific applicable implementations: O(m² · arity) for m implementations, once
   * per tuple of classes thanks to the cache.
   */
  private Resolution<R> resolve(Class<?>[] classes) {
    List<Implementation<R>> applicable = new ArrayList<>();
    for (Implementation<R> implementation : implementations) {
      if (implementation.accepts(classes)) {
        applicable.add(implementation);
      }
    }
    List<Implementation<R>> best = new ArrayList<>();
    for (int c = 0; c < applicable.size(); c++) {
      Implementation<R> candidate = applicable.get(c);
      boolean dominated = false;
      for (int o = 0; o < applicable.size() && !dominated; o++) {
        Implementation<R> other = applicable.get(o);
        dominated =
            o != c && other.atLeastAsSpecificAs(candidate) && !candidate.atLeastAsSpecificAs(other);
      }
      if (!dominated) {
        best.add(candidate);
      }
    }
    List<Class<?>> types = List.of(classes);
    if (best.size() == 1) {
      return new Resolution<>(best.get(0), null, types, List.of());
    }
    if (best.isEmpty()) {
      return new Resolution<>(null, DispatchException.Kind.MISSING, types, List.of());
    }
    return new Resolution<>(
        null,
        DispatchException.Kind.AMBIGUOUS,
        types,
        best.stream().<List<Class<?>>>map(Implementation::types).toList());
  }

  /**
   * One level of the cache: the classes of the first k arguments are known; maps the class of
   * argument k to the next level, or, at the last argument, to the resolution. A {@link ClassValue}
   * stores its value in the class itself, so a lookup is a field read and a small hash probe with
   * no allocation and no lock, and the entry does not keep a class loader alive the way a {@code
   * ConcurrentHashMap<Class<?>, ...>} would.
   */
  private static final class Level<R> extends ClassValue<Object> {
    private final MultiMethod<R> owner;
    private final Class<?>[] prefix;

    Level(MultiMethod<R> owner, Class<?>[] prefix) {
      this.owner = owner;
      this.prefix = prefix;
    }

    @Override
    protected Object computeValue(Class<?> type) {
      Class<?>[] known = Arrays.copyOf(prefix, prefix.length + 1);
      known[prefix.length] = type;
      return known.length == owner.arity ? owner.resolve(known) : new Level<>(owner, known);
    }
  }

  /**
   * Collects implementations; two with the same parameter types are refused.
   *
   * @param <R> the result type
   */
  public static final class Builder<R> {
    private final String name;
    private final int arity;
    private final List<Implementation<R>> implementations = new ArrayList<>();

    private Builder(String name, int arity) {
      this.name = name;
      this.arity = arity;
    }

    /**
     * Adds an implementation for arguments of these types (classes or interfaces).
     *
     * @throws IllegalArgumentException if the number of types is not the arity, a type is
     *     primitive, or an implementation with the same types exists
     */
    public Builder<R> define(List<Class<?>> types, Body<R> body) {
      Objects.requireNonNull(types, "types");
      Objects.requireNonNull(body, "body");
      List<Class<?>> copy = List.copyOf(types);
      if (copy.size() != arity) {
        throw new IllegalArgumentException(
            name + " takes " + arity + " arguments, not " + copy.size() + ": " + copy);
      }
      for (Class<?> type : copy) {
        if (type.isPrimitive()) {
          throw new IllegalArgumentException(
              "arguments are objects: use " + type.getName() + "'s wrapper class, not " + type);
        }
      }
      for (Implementation<R> existing : implementations) {
        if (existing.types().equals(copy)) {
          throw new IllegalArgumentException(
              name + DispatchException.signature(copy) + " is already defined");
        }
      }
      implementations.add(new Implementation<>(copy, body));
      return this;
    }

    /** Adds a one-argument implementation. */
    public <A> Builder<R> define(Class<A> type, Function<? super A, ? extends R> body) {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(body, "body");
      return define(List.of(type), args -> body.apply(type.cast(args[0])));
    }

    /** Adds a two-argument implementation. */
    public <A, B> Builder<R> define(
        Class<A> first, Class<B> second, BiFunction<? super A, ? super B, ? extends R> body) {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      Objects.requireNonNull(body, "body");
      return define(
          List.of(first, second), args -> body.apply(first.cast(args[0]), second.cast(args[1])));
    }

    /**
     * The multimethod.
     *
     * @throws IllegalStateException if no implementation was defined
     */
    public MultiMethod<R> build() {
      if (implementations.isEmpty()) {
        throw new IllegalStateException(name + " has no implementation");
      }
      return new MultiMethod<>(name, arity, implementations);
    }
  }
}
