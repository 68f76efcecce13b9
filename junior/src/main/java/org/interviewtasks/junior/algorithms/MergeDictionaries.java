package org.interviewtasks.junior.algorithms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BinaryOperator;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Merges two maps into a new one, combining the values of keys present in both.
 *
 * <p><b>Approach.</b> Copy the first map into a new {@link LinkedHashMap}, then put each entry of
 * the second: a new key is added, a key already present gets {@code resolver(firstValue,
 * secondValue)}. O(n + m) expected time. The conflict rule is a parameter because there is no
 * single right one: "the later map wins" ({@link #merge(Map, Map)}, like Python's {@code a | b} or
 * {@code putAll}), a sum of counts ({@code Integer::sum}), a concatenation of lists, the larger of
 * two prices ({@code BinaryOperator.maxBy(...)}).
 *
 * <p><b>Guarantees.</b> The inputs are never modified (they may be immutable, as {@link Map#of}
 * maps are); the result is a new, mutable map. Its iteration order is predictable: the keys of the
 * first map in its order, then the new keys of the second in its order.
 *
 * <p><b>Edge cases.</b> Either map may be empty. Null keys and values are rejected with {@link
 * NullPointerException} naming the map: a resolver cannot meaningfully combine a null. A resolver
 * that returns null is rejected too, naming the key; {@link Map#merge}, the one-liner otherwise
 * worth using here, would instead remove the key silently, losing data. Null maps and resolvers are
 * rejected as well.
 *
 * <p><b>Follow-up.</b> <i>"Keep all values instead of choosing?"</i> Merge into a {@code Map<K,
 * List<V>>} ({@code computeIfAbsent(k, x -> new ArrayList<>()).add(v)}). <i>"Many maps, as a
 * stream?"</i> {@code Collectors.toMap(Entry::getKey, Entry::getValue, resolver,
 * LinkedHashMap::new)} over the concatenated entry streams.
 */
@Task(id = "junior.algorithms.18", title = "Merge two dictionaries")
public final class MergeDictionaries {

  private MergeDictionaries() {}

  /** A new map with the entries of both; for a key in both, the value of {@code second} wins. */
  public static <K, V> Map<K, V> merge(
      Map<? extends K, ? extends V> first, Map<? extends K, ? extends V> second) {
    return merge(first, second, (fromFirst, fromSecond) -> fromSecond);
  }

  /**
   * A new map with the entries of both; for a key in both, the value is {@code
   * resolver.apply(valueInFirst, valueInSecond)}.
   *
   * @throws NullPointerException if a map holds a null key or value, or the resolver returns null
   */
  public static <K, V> Map<K, V> merge(
      Map<? extends K, ? extends V> first,
      Map<? extends K, ? extends V> second,
      BinaryOperator<V> resolver) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(resolver, "resolver");
    Map<K, V> merged = new LinkedHashMap<>();
    first.forEach((key, value) -> merged.put(key, requireEntry(key, value, "first")));
    second.forEach(
        (key, value) -> {
          V fromSecond = requireEntry(key, value, "second");
          V fromFirst = merged.get(key);
          merged.put(
              key,
              fromFirst == null
                  ? fromSecond
                  : Objects.requireNonNull(
                      resolver.apply(fromFirst, fromSecond),
                      () -> "the resolver returned null for key " + key));
        });
    return merged;
  }

  private static <V> V requireEntry(Object key, V value, String map) {
    Objects.requireNonNull(key, () -> "null key in " + map);
    return Objects.requireNonNull(value, () -> "null value for key " + key + " in " + map);
  }

  /**
   * Merges two maps of ints given as {@code key=value} lists, adding the values of common keys,
   * e.g. {@code a=1,b=2 b=3,c=4} prints {@code {a=1, b=5, c=4}}; an empty argument is an empty map.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments of {@code key=int}
   *     entries, with no key twice in one argument
   * @throws ArithmeticException if a sum overflows an int
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.algorithms.18 <k=v,k=v...> <k=v,k=v...>");
    }
    System.out.println(merge(entries(args[0]), entries(args[1]), Math::addExact));
  }

  private static Map<String, Integer> entries(String text) {
    Map<String, Integer> entries = new LinkedHashMap<>();
    for (String entry : text.isBlank() ? new String[0] : text.split(",", -1)) {
      String[] keyAndValue = entry.split("=", 2);
      if (keyAndValue.length != 2 || keyAndValue[0].isBlank()) {
        throw new IllegalArgumentException("not key=value: '" + entry + "'");
      }
      String key = keyAndValue[0].strip();
      if (entries.put(key, Args.toInt(keyAndValue[1])) != null) {
        throw new IllegalArgumentException("key '" + key + "' given twice in '" + text + "'");
      }
    }
    return entries;
  }
}
