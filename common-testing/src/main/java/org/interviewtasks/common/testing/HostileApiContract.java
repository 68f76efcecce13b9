package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.interviewtasks.common.TaskInfo;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public static method of every task's entry class, called with hostile values of its
 * parameters, one parameter at a time, the others ordinary: {@code null} for every reference, the
 * ends of {@code int} and {@code long}, non-finite doubles, the strings of {@link
 * Hostile#strings()}, empty and extreme arrays. A path is only ever null or a fresh file in a
 * temporary folder: a device handed to a method that writes could be replaced by it.
 *
 * <p>Each call must answer or throw a named exception with a message of its own, within {@link
 * #TIME} and {@link #BYTES} (see {@link Hostile#assertHandled}); a {@code null} must be refused by
 * name ({@code Objects.requireNonNull(x, "x")}), never reach a dereference that the JVM reports.
 * What the answer should be is each task's own test's business; this one proves that no input of
 * the right type hangs a method, blows up its memory, or fails it with an exception that names
 * nothing. Methods with a parameter of a type not listed here are left to the task's own tests.
 */
public abstract class HostileApiContract extends HostileContract {

  /**
   * Methods not called here, as {@code "Class.method"}, each for a reason the overriding test
   * states (a method that starts servers, say, tested on its own). Empty by default.
   */
  protected Set<String> skipped() {
    return Set.of();
  }

  @TestFactory
  Stream<DynamicContainer> everyPublicStaticMethodHandlesHostileArguments() {
    return tasks().stream()
        .map(
            task ->
                DynamicContainer.dynamicContainer(
                    task.id() + " " + task.entryClass().getSimpleName(),
                    methodsOf(task.entryClass()).stream().flatMap(m -> calls(task, m))));
  }

  private List<Method> methodsOf(Class<?> type) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getDeclaringClass() == type)
        .filter(m -> Modifier.isStatic(m.getModifiers()))
        .filter(m -> !m.getName().equals("main"))
        .filter(m -> !m.isSynthetic())
        .filter(m -> !skipped().contains(type.getSimpleName() + "." + m.getName()))
        .filter(m -> Arrays.stream(m.getParameterTypes()).allMatch(HostileApiContract::supported))
        .sorted(Comparator.comparing(Method::toGenericString))
        .toList();
  }

  private Stream<DynamicTest> calls(TaskInfo task, Method method) {
    Class<?>[] types = method.getParameterTypes();
    List<DynamicTest> tests = new ArrayList<>();
    for (int position = 0; position < types.length; position++) {
      List<Supplier<Object>> values = hostile(types[position]);
      for (int v = 0; v < values.size(); v++) {
        int at = position;
        Supplier<Object> value = values.get(v);
        String name =
            task.id()
                + " "
                + task.entryClass().getSimpleName()
                + "."
                + signature(method)
                + " argument "
                + (at + 1)
                + " #"
                + (v + 1);
        tests.add(DynamicTest.dynamicTest(name, () -> call(method, at, value, name)));
      }
    }
    return tests.stream();
  }

  private static void call(Method method, int at, Supplier<Object> value, String name) {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = i == at ? value.get() : ordinary(types[i]);
    }
    String what = name + " = " + describe(args[at]);
    Hostile.Outcome outcome =
        Hostile.assertHandled(
            what,
            TIME,
            BYTES,
            () -> {
              try {
                return method.invoke(null, args);
              } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Error error) {
                  throw error;
                }
                throw (Exception) cause;
              }
            });
    Hostile.assertDevicesIntact(what);
    outcome
        .failure()
        .filter(NullPointerException.class::isInstance)
        .ifPresent(
            npe ->
                assertThat(npe.getMessage())
                    .as("%s threw the JVM's own NullPointerException, naming no argument", what)
                    .doesNotContain(" because \""));
  }

  private static boolean supported(Class<?> type) {
    return (type.isPrimitive() && type != void.class) || ORDINARY.containsKey(type);
  }

  private static final Map<Class<?>, Supplier<Object>> ORDINARY =
      Map.ofEntries(
          Map.entry(String.class, () -> "a"),
          Map.entry(CharSequence.class, () -> "a"),
          Map.entry(int[].class, () -> new int[] {1}),
          Map.entry(long[].class, () -> new long[] {1}),
          Map.entry(double[].class, () -> new double[] {1}),
          Map.entry(String[].class, () -> new String[] {"a"}),
          Map.entry(Integer.class, () -> 1),
          Map.entry(Long.class, () -> 1L),
          Map.entry(Double.class, () -> 1.0),
          Map.entry(BigInteger.class, () -> BigInteger.ONE),
          Map.entry(BigDecimal.class, () -> BigDecimal.ONE),
          Map.entry(List.class, List::of),
          Map.entry(Collection.class, List::of),
          Map.entry(Iterable.class, List::of),
          Map.entry(Set.class, Set::of),
          Map.entry(Map.class, Map::of),
          Map.entry(Path.class, HostileApiContract::scratchFile));

  /**
   * A path no file has yet, in a folder of its own under one temporary folder that is deleted when
   * the JVM ends: what a method may read (and find missing) or write without touching anything
   * else. Never a device: a method that writes by moving a file into place would replace it.
   */
  private static synchronized Path scratchFile() {
    if (scratchRoot == null) {
      try {
        scratchRoot = Files.createTempDirectory("hostile-api-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Path root = scratchRoot;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
    }
    return scratchRoot.resolve("call-" + ++scratchCalls).resolve("file");
  }

  private static Path scratchRoot;
  private static int scratchCalls;

  private static void deleteTree(Path root) {
    try (Stream<Path> tree = Files.walk(root)) {
      tree.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort at exit: the folder is under the temporary directory
    }
  }

  private static Object ordinary(Class<?> type) {
    if (type == int.class) {
      return 1;
    }
    if (type == long.class) {
      return 1L;
    }
    if (type == double.class) {
      return 1.0;
    }
    if (type == float.class) {
      return 1.0f;
    }
    if (type == boolean.class) {
      return false;
    }
    if (type == char.class) {
      return 'a';
    }
    if (type == byte.class) {
      return (byte) 1;
    }
    if (type == short.class) {
      return (short) 1;
    }
    return ORDINARY.get(type).get();
  }

  /**
   * The hostile values of a parameter of {@code type}; each made fresh, since a call may keep it.
   */
  private static List<Supplier<Object>> hostile(Class<?> type) {
    List<Supplier<Object>> values = new ArrayList<>();
    if (type == int.class || type == Integer.class) {
      Hostile.ints().forEach(i -> values.add(() -> i));
    } else if (type == long.class || type == Long.class) {
      Hostile.longs().forEach(l -> values.add(() -> l));
    } else if (type == double.class || type == Double.class) {
      Hostile.doubles().forEach(d -> values.add(() -> d));
    } else if (type == float.class) {
      Hostile.doubles().forEach(d -> values.add(() -> (float) d));
    } else if (type == String.class || type == CharSequence.class) {
      Hostile.strings().forEach(s -> values.add(() -> s));
    } else if (type == int[].class) {
      values.add(() -> new int[0]);
      values.add(() -> new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0});
      values.add(() -> new int[1 << 20]);
    } else if (type == long[].class) {
      values.add(() -> new long[0]);
      values.add(() -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0});
    } else if (type == double[].class) {
      values.add(() -> new double[0]);
      values.add(() -> Hostile.doubles().toArray());
    } else if (type == String[].class) {
      values.add(() -> new String[0]);
      values.add(() -> new String[] {null});
      values.add(() -> Hostile.strings().toArray(String[]::new));
    } else if (type == BigInteger.class) {
      values.add(() -> BigInteger.ONE.shiftLeft(100_000).negate());
      values.add(() -> BigInteger.ONE.shiftLeft(100_000));
    } else if (type == BigDecimal.class) {
      values.add(() -> new BigDecimal("1e-1000000"));
      values.add(() -> new BigDecimal("1e1000000"));
    } else if (type == List.class || type == Collection.class || type == Iterable.class) {
      values.add(() -> Arrays.asList((Object) null));
    }
    if (!type.isPrimitive()) {
      values.add(() -> null);
    }
    return values;
  }

  private static String signature(Method method) {
    return method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .reduce((a, b) -> a + ", " + b)
            .map(p -> "(" + p + ")")
            .orElse("()");
  }

  private static String describe(Object value) {
    String text =
        switch (value) {
          case null -> "null";
          case int[] a -> "int[" + a.length + "]";
          case long[] a -> "long[" + a.length + "]";
          case double[] a -> "double[" + a.length + "]";
          case Object[] a -> a.getClass().getComponentType().getSimpleName() + "[" + a.length + "]";
          case CharSequence s when s.length() > 40 -> "a string of " + s.length() + " chars";
          default -> String.valueOf(value);
        };
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
