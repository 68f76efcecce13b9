package org.interviewtasks.mid.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.interviewtasks.mid.oop.Singleton.DoubleCheckedSingleton;
import org.interviewtasks.mid.oop.Singleton.EnumSingleton;
import org.interviewtasks.mid.oop.Singleton.HolderSingleton;
import org.interviewtasks.mid.oop.Singleton.IdSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SingletonTest {

  static final int THREADS = 16;

  static Stream<Supplier<IdSource>> accessors() {
    return Stream.of(
        () -> EnumSingleton.INSTANCE,
        HolderSingleton::getInstance,
        DoubleCheckedSingleton::getInstance);
  }

  /** Runs {@code task} on {@link #THREADS} threads released together by a latch. */
  static <T> List<T> raceOnManyThreads(Callable<T> task) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      for (int t = 0; t < THREADS; t++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return task.call();
                }));
      }
      assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    }
  }

  static int distinctInstances(List<?> instances) {
    Set<Object> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    distinct.addAll(instances);
    return distinct.size();
  }

  @Nested
  class InThisClassLoader {

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.oop.SingletonTest#accessors")
    void everyAccessGivesTheSameInstance(Supplier<IdSource> accessor) throws Exception {
      IdSource first = accessor.get();

      assertThat(accessor.get()).isSameAs(first);
      assertThat(distinctInstances(raceOnManyThreads(accessor::get))).isEqualTo(1);
      assertThat(raceOnManyThreads(accessor::get).get(0)).isSameAs(first);
    }

    @ParameterizedTest
    @MethodSource("org.interviewtasks.mid.oop.SingletonTest#accessors")
    void idsAreSharedAndUniqueAcrossThreads(Supplier<IdSource> accessor) throws Exception {
      Set<Long> ids = ConcurrentHashMap.newKeySet();
      long before = accessor.get().nextId();

      raceOnManyThreads(
          () -> {
            for (int i = 0; i < 1_000; i++) {
              ids.add(accessor.get().nextId());
            }
            return null;
          });

      assertThat(ids).hasSize(THREADS * 1_000).contains(before + 1, before + THREADS * 1_000L);
      assertThat(accessor.get().nextId()).isEqualTo(before + THREADS * 1_000L + 1);
    }

    @Test
    void onlyOneInstanceIsEverCreated() {
      HolderSingleton.getInstance();
      DoubleCheckedSingleton.getInstance();

      assertThat(HolderSingleton.instancesCreated()).isEqualTo(1);
      assertThat(DoubleCheckedSingleton.instancesCreated()).isEqualTo(1);
    }

    @Test
    void reflectionCannotMakeASecondInstance() throws Exception {
      HolderSingleton holder = HolderSingleton.getInstance();
      DoubleCheckedSingleton checked = DoubleCheckedSingleton.getInstance();
      Constructor<HolderSingleton> holderConstructor =
          HolderSingleton.class.getDeclaredConstructor();
      holderConstructor.setAccessible(true);
      Constructor<DoubleCheckedSingleton> checkedConstructor =
          DoubleCheckedSingleton.class.getDeclaredConstructor();
      checkedConstructor.setAccessible(true);
      Constructor<?> enumConstructor = EnumSingleton.class.getDeclaredConstructors()[0];
      enumConstructor.setAccessible(true);

      assertThatThrownBy(holderConstructor::newInstance)
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("HolderSingleton exists already; use getInstance()");
      assertThatThrownBy(checkedConstructor::newInstance)
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("DoubleCheckedSingleton exists already; use getInstance()");
      assertThatThrownBy(() -> enumConstructor.newInstance("SECOND", 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("enum");
      assertThat(HolderSingleton.getInstance()).isSameAs(holder);
      assertThat(DoubleCheckedSingleton.getInstance()).isSameAs(checked);
      assertThat(HolderSingleton.instancesCreated()).isEqualTo(1);
      assertThat(DoubleCheckedSingleton.instancesCreated()).isEqualTo(1);
    }
  }

  /**
   * "First access" happens once per class loader, so to race it again and again each round loads
   * fresh copies of the classes, from the same class files, in a new loader whose parent does not
   * know them. This needs no test hook in the singleton classes, which a resettable instance would
   * (and which would be a second, unsafe way to make an instance).
   */
  @Nested
  class FirstAccessInFreshClassLoaders {

    static final int ROUNDS = 20;

    private URLClassLoader freshLoader() {
      URL classes = Singleton.class.getProtectionDomain().getCodeSource().getLocation();
      return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"HolderSingleton", "DoubleCheckedSingleton"})
    void concurrentFirstCallsCreateOneInstance(String variant) throws Exception {
      for (int round = 0; round < ROUNDS; round++) {
        try (URLClassLoader loader = freshLoader()) {
          Class<?> type = Class.forName(Singleton.class.getName() + "$" + variant, false, loader);
          Method getInstance = type.getMethod("getInstance");
          Method instancesCreated = type.getDeclaredMethod("instancesCreated");
          instancesCreated.setAccessible(true);

          List<Object> instances = raceOnManyThreads(() -> getInstance.invoke(null));

          assertThat(type)
              .isNotSameAs(
                  variant.equals("HolderSingleton")
                      ? HolderSingleton.class
                      : DoubleCheckedSingleton.class);
          assertThat(distinctInstances(instances)).as("round %d", round).isEqualTo(1);
          assertThat(instances.get(0)).isInstanceOf(type);
          assertThat(instancesCreated.invoke(null)).as("round %d", round).isEqualTo(1);
        }
      }
    }

    @Test
    void concurrentFirstUsesOfTheEnumSeeOneConstant() throws Exception {
      for (int round = 0; round < ROUNDS; round++) {
        try (URLClassLoader loader = freshLoader()) {
          String name = Singleton.class.getName() + "$EnumSingleton";

          List<Object> instances =
              raceOnManyThreads(
                  () -> Class.forName(name, true, loader).getField("INSTANCE").get(null));

          assertThat(distinctInstances(instances)).as("round %d", round).isEqualTo(1);
          assertThat(instances.get(0)).isNotSameAs(EnumSingleton.INSTANCE);
        }
      }
    }
  }
}
