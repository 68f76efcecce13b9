package org.interviewtasks.senior.advanced.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Circle;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Collision;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Polygon;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Rectangle;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Shape;
import org.interviewtasks.senior.advanced.dispatch.Shapes.Triangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DynamicDispatchTest {

  private static final MultiMethod<Collision> COLLIDE = Shapes.byMultiMethod();

  /** A way of choosing the rule, run on the same cases as the others. */
  record Way(String name, BiFunction<Shape, Shape, Collision> collide) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Way> WAYS =
      List.of(
          new Way("sealed switch", Shapes::bySwitch),
          new Way("virtual double dispatch", Shape::collide),
          new Way("multimethod", COLLIDE::invoke),
          new Way("multimethod, uncached", COLLIDE::invokeUncached));

  /** A text that is also {@link Serializable}, as {@code StringBuilder} and {@code String} are. */
  record Name(String text) implements CharSequence, Serializable {
    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }
  }

  static Stream<Arguments> collisions() {
    Shape c = new Circle();
    Shape t = new Triangle();
    Shape r = new Rectangle();
    List<Object[]> table =
        List.of(
            new Object[] {c, c, "circle/circle"},
            new Object[] {c, t, "circle/shape"},
            new Object[] {c, r, "circle/shape"},
            new Object[] {t, c, "shape/shape"},
            new Object[] {t, t, "polygon/polygon"},
            new Object[] {t, r, "polygon/polygon"},
            new Object[] {r, c, "shape/shape"},
            new Object[] {r, t, "polygon/polygon"},
            new Object[] {r, r, "rectangle/rectangle"});
    return WAYS.stream()
        .flatMap(way -> table.stream().map(row -> Arguments.of(way, row[0], row[1], row[2])));
  }

  @ParameterizedTest(name = "{0}: {1} meets {2} -> {3}")
  @MethodSource("collisions")
  void choosesTheMostSpecificRule(Way way, Shape first, Shape second, String rule) {
    Collision collision = way.collide.apply(first, second);
    assertThat(collision.rule()).isEqualTo(rule);
    assertThat(collision.first()).isSameAs(first);
    assertThat(collision.second()).isSameAs(second);
  }

  static Stream<Long> seeds() {
    return Seeds.derive(3).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void allWaysAgreeOnRandomPairs(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Shape[] shapes = {new Circle(), new Triangle(), new Rectangle()};
    for (int i = 0; i < 1000; i++) {
      Shape a = shapes[random.nextInt(3)];
      Shape b = shapes[random.nextInt(3)];
      Collision expected = Shapes.bySwitch(a, b);
      for (Way way : WAYS) {
        assertThat(way.collide.apply(a, b)).as(way + " " + a + " " + b).isEqualTo(expected);
      }
    }
  }

  @Test
  void reportsTheSignatureItWouldRun() {
    assertThat(COLLIDE.signatureFor(Triangle.class, Rectangle.class))
        .containsExactly(Polygon.class, Polygon.class);
    assertThat(COLLIDE.signatureFor(Circle.class, Triangle.class))
        .containsExactly(Circle.class, Shape.class);
    assertThat(COLLIDE.name()).isEqualTo("collide");
    assertThat(COLLIDE.arity()).isEqualTo(2);
  }

  @Test
  void refusesAnAmbiguousCallAndNamesTheTies() {
    MultiMethod<String> m =
        DynamicDispatch.<String>multimethod("meet", 2)
            .define(Circle.class, Shape.class, (a, b) -> "circle first")
            .define(Shape.class, Circle.class, (a, b) -> "circle second")
            .build();
    assertThat(m.invoke(new Circle(), new Triangle())).isEqualTo("circle first");
    assertThat(m.invoke(new Triangle(), new Circle())).isEqualTo("circle second");
    for (int attempt = 0; attempt < 2; attempt++) { // the second one comes from the cache
      DispatchException e =
          catchThrowableOfType(DispatchException.class, () -> m.invoke(new Circle(), new Circle()));
      assertThat(e.kind()).isEqualTo(DispatchException.Kind.AMBIGUOUS);
      assertThat(e.argumentTypes()).containsExactly(Circle.class, Circle.class);
      assertThat(e.candidates())
          .containsExactlyInAnyOrder(
              List.of(Circle.class, Shape.class), List.of(Shape.class, Circle.class));
      assertThat(e)
          .hasMessage(
              "ambiguous call meet(Circle, Circle): meet(Circle, Shape), meet(Shape, Circle) all"
                  + " apply and none is more specific");
    }
    assertThatThrownBy(() -> m.signatureFor(Circle.class, Circle.class))
        .isInstanceOf(DispatchException.class);
  }

  @Test
  void reportsAMissingImplementation() {
    MultiMethod<Number> add =
        DynamicDispatch.<Number>multimethod("add", 2)
            .define(Integer.class, Integer.class, Integer::sum)
            .define(Number.class, Number.class, (a, b) -> a.doubleValue() + b.doubleValue())
            .build();
    assertThat(add.invoke(2, 3)).isEqualTo(5);
    assertThat(add.invoke(2, 0.5)).isEqualTo(2.5);
    assertThat(add.invoke(BigDecimal.ONE, 2L)).isEqualTo(3.0);
    DispatchException e = catchThrowableOfType(DispatchException.class, () -> add.invoke("2", 3));
    assertThat(e.kind()).isEqualTo(DispatchException.Kind.MISSING);
    assertThat(e.candidates()).isEmpty();
    assertThat(e).hasMessage("no implementation of add(String, Integer)");
    assertThatThrownBy(() -> add.signatureFor(String.class, String.class))
        .isInstanceOf(DispatchException.class)
        .hasMessage("no implementation of add(String, String)");
  }

  @Test
  void ranksInterfacesLikeClassesAndRefusesIncomparableOnes() {
    MultiMethod.Builder<String> builder =
        DynamicDispatch.<String>multimethod("describe", 1)
            .define(Object.class, o -> "object")
            .define(CharSequence.class, s -> "text")
            .define(Number.class, n -> "number")
            .define(Serializable.class, s -> "serializable");
    MultiMethod<String> describe = builder.build();
    assertThat(describe.invoke(java.nio.CharBuffer.wrap("x"))).isEqualTo("text");
    assertThatThrownBy(() -> describe.invoke(new Name("x"))) // also Serializable
        .isInstanceOf(DispatchException.class);
    assertThat(describe.invoke(new Object())).isEqualTo("object");
    assertThat(describe.invoke(java.util.Optional.empty())).isEqualTo("object"); // not Serializable
    // String is a CharSequence and Serializable; neither is more specific.
    DispatchException e = catchThrowableOfType(DispatchException.class, () -> describe.invoke("s"));
    assertThat(e.kind()).isEqualTo(DispatchException.Kind.AMBIGUOUS);
    assertThat(e.candidates())
        .containsExactlyInAnyOrder(List.of(CharSequence.class), List.of(Serializable.class));
    // A rule for String itself settles it: String is a subtype of both.
    MultiMethod<String> settled = builder.define(String.class, s -> "string").build();
    assertThat(settled.invoke("s")).isEqualTo("string");
    assertThat(settled.invoke(42)).isEqualTo("number"); // Number is Serializable: more specific
  }

  @Test
  void dispatchesOnThreeArguments() {
    MultiMethod<String> m =
        DynamicDispatch.<String>multimethod("three", 3)
            .define(List.of(Object.class, Object.class, Object.class), args -> "any")
            .define(List.of(String.class, Object.class, Integer.class), args -> "s?i:" + args[0])
            .define(List.of(String.class, String.class, Integer.class), args -> "ssi")
            .build();
    assertThat(m.invoke("a", 1.0, 2)).isEqualTo("s?i:a");
    assertThat(m.invoke("a", "b", 2)).isEqualTo("ssi");
    assertThat(m.invoke(1, "b", 2)).isEqualTo("any");
    assertThat(m.invoke("a", "b", "c")).isEqualTo("any");
  }

  @Test
  void checksItsInputs() {
    assertThatThrownBy(() -> COLLIDE.invoke(new Circle(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("argument 1 of collide is null");
    assertThatThrownBy(() -> COLLIDE.invoke(new Circle()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("collide takes 2 arguments, not 1");
    assertThatThrownBy(() -> COLLIDE.invoke((Object[]) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> COLLIDE.signatureFor(Circle.class))
        .hasMessage("collide takes 2 arguments, not 1");
    assertThatThrownBy(() -> COLLIDE.signatureFor(Circle.class, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("classes[1]");
    assertThatThrownBy(() -> DynamicDispatch.multimethod("m", 0))
        .hasMessage("arity must be 1..8: 0");
    assertThatThrownBy(() -> DynamicDispatch.multimethod("m", 9))
        .hasMessage("arity must be 1..8: 9");
    assertThatThrownBy(() -> DynamicDispatch.multimethod(" ", 1))
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> DynamicDispatch.multimethod(null, 1))
        .isInstanceOf(NullPointerException.class);
    MultiMethod.Builder<String> builder = DynamicDispatch.multimethod("m", 1);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("m has no implementation");
    assertThatThrownBy(() -> builder.define(List.of(int.class), args -> "int"))
        .hasMessageContaining("use int's wrapper class");
    assertThatThrownBy(() -> builder.define(List.of(Object.class, Object.class), args -> "2"))
        .hasMessageContaining("m takes 1 arguments, not 2");
    builder.define(String.class, s -> s);
    assertThatThrownBy(() -> builder.define(String.class, s -> s))
        .hasMessage("m(String) is already defined");
  }

  @Test
  void concurrentFirstCallsAgree() throws Exception {
    MultiMethod<Collision> fresh = Shapes.byMultiMethod();
    Shape[] shapes = {new Circle(), new Triangle(), new Rectangle()};
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int i = 0; i < 900; i++) {
                    Shape a = shapes[(i + offset) % 3];
                    Shape b = shapes[(i / 3 + offset) % 3];
                    assertThat(fresh.invoke(a, b)).isEqualTo(Shapes.bySwitch(a, b));
                    checked++;
                  }
                  return checked;
                }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(900);
      }
    }
  }

  // --- predicate dispatch --------------------------------------------------------------------

  record Order(String customer, BigDecimal total, boolean express) {}

  private static PredicateDispatch<Order, String> shipping(AtomicInteger tested) {
    return DynamicDispatch.<Order, String>byPredicate()
        .when(
            "express",
            o -> {
              tested.incrementAndGet();
              return o.express();
            },
            o -> "courier")
        .when(
            "free",
            o -> {
              tested.incrementAndGet();
              return o.total().compareTo(BigDecimal.valueOf(100)) >= 0;
            },
            o -> "free post")
        .when(
            "vip",
            o -> {
              tested.incrementAndGet();
              return o.customer().startsWith("vip:");
            },
            o -> "free post for " + o.customer())
        .otherwise(o -> "post");
  }

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of(new Order("ann", BigDecimal.TEN, true), "express", "courier", 1),
        Arguments.of(new Order("vip:bo", BigDecimal.valueOf(500), true), "express", "courier", 1),
        Arguments.of(new Order("cy", BigDecimal.valueOf(100), false), "free", "free post", 2),
        Arguments.of(new Order("vip:di", BigDecimal.ONE, false), "vip", "free post for vip:di", 3),
        Arguments.of(new Order("ed", BigDecimal.ONE, false), "otherwise", "post", 3));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("orders")
  void thePredicateDispatchRunsTheFirstMatchingRuleOrTheDefault(
      Order order, String rule, String result, int conditionsTested) {
    AtomicInteger tested = new AtomicInteger();
    PredicateDispatch<Order, String> dispatch = shipping(tested);
    assertThat(dispatch.apply(order)).isEqualTo(result);
    assertThat(tested).as("conditions after the match are not tested").hasValue(conditionsTested);
    assertThat(dispatch.ruleFor(order)).isEqualTo(rule);
  }

  @Test
  void predicateDispatchChecksItsInputs() {
    PredicateDispatch<Order, String> dispatch = shipping(new AtomicInteger());
    assertThatThrownBy(() -> dispatch.apply(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> dispatch.ruleFor(null)).isInstanceOf(NullPointerException.class);
    PredicateDispatch.Builder<Order, String> builder =
        PredicateDispatch.<Order, String>builder().when("a", o -> true, o -> "a");
    assertThatThrownBy(() -> builder.when("a", o -> true, o -> "b"))
        .hasMessage("a rule named 'a' exists already");
    assertThatThrownBy(() -> builder.when("otherwise", o -> true, o -> "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.when(" ", o -> true, o -> "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.when("b", null, o -> "b"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> builder.otherwise(null)).isInstanceOf(NullPointerException.class);
    assertThat(
            DynamicDispatch.<String, Integer>byPredicate().otherwise(String::length).apply("abc"))
        .isEqualTo(3);
  }
}
