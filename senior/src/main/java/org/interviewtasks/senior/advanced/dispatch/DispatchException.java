package org.interviewtasks.senior.advanced.dispatch;

import java.util.List;
import java.util.stream.Collectors;

/**
 * No single implementation fits the runtime classes of a call: none applies ({@link Kind#MISSING})
 * or several apply and none is more specific than all the others ({@link Kind#AMBIGUOUS}).
 */
public final class DispatchException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Why the dispatch failed. */
  public enum Kind {
    /** No implementation accepts these argument classes. */
    MISSING,
    /** Several equally specific implementations accept them. */
    AMBIGUOUS
  }

  private final Kind kind;
  private final transient List<Class<?>> argumentTypes;
  private final transient List<List<Class<?>>> candidates;

  DispatchException(
      String method, Kind kind, List<Class<?>> argumentTypes, List<List<Class<?>>> candidates) {
    super(message(method, kind, argumentTypes, candidates));
    this.kind = kind;
    this.argumentTypes = List.copyOf(argumentTypes);
    this.candidates = List.copyOf(candidates);
  }

  private static String message(
      String method, Kind kind, List<Class<?>> types, List<List<Class<?>>> candidates) {
    String call = method + signature(types);
    return switch (kind) {
      case MISSING -> "no implementation of " + call;
      case AMBIGUOUS ->
          "ambiguous call "
              + call
              + ": "
              + candidates.stream()
                  .map(c -> method + signature(c))
                  .collect(Collectors.joining(", "))
              + " all apply and none is more specific";
    };
  }

  static String signature(List<Class<?>> types) {
    return types.stream().map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
  }

  /** Missing or ambiguous. */
  public Kind kind() {
    return kind;
  }

  /** The runtime classes of the call's arguments. */
  public List<Class<?>> argumentTypes() {
    return argumentTypes;
  }

  /** For {@link Kind#AMBIGUOUS}, the signatures that tie; empty for {@link Kind#MISSING}. */
  public List<List<Class<?>>> candidates() {
    return candidates;
  }
}
