package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CircleTest {

  @Nested
  class Measures {

    @ParameterizedTest(name = "r = {0}: area {1}, circumference {2}")
    @CsvSource({
      "1, 3.141592653589793, 6.283185307179586",
      "2, 12.566370614359172, 12.566370614359172",
      "0.5, 0.7853981633974483, 3.141592653589793",
      "10, 314.1592653589793, 62.83185307179586",
      "0.001, 3.1415926535897933E-6, 0.006283185307179587",
      "1E100, 3.141592653589793E200, 6.283185307179586E100"
    })
    void computesAreaAndCircumference(double radius, double area, double circumference) {
      Circle circle = new Circle(radius);

      assertThat(circle.area()).isCloseTo(area, within(Math.ulp(area) * 2));
      assertThat(circle.circumference()).isCloseTo(circumference, within(Math.ulp(circumference)));
      assertThat(circle.perimeter()).isEqualTo(circle.circumference());
      assertThat(circle.radius()).isEqualTo(radius);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.oop.CircleTest#seeds")
    void obeysTheGeometry(long seed) {
      var random = new SplittableRandom(seed);
      double radius = Math.pow(10, random.nextDouble(-100, 100)); // log-uniform over 200 decades
      Circle circle = new Circle(radius);
      Circle doubled = new Circle(2 * radius);

      // Doubling is exact in binary floating point: the area grows exactly four times.
      assertThat(doubled.area()).isEqualTo(4 * circle.area());
      assertThat(doubled.circumference()).isEqualTo(2 * circle.circumference());
      // C² = 4πA, up to rounding.
      double c = circle.circumference();
      assertThat(c * c / (4 * Math.PI * circle.area())).isCloseTo(1.0, within(1e-14));
      assertThat(circle.area()).isPositive();
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "radius {0}")
    @ValueSource(
        doubles = {
          0.0,
          -0.0,
          -1.0,
          -Double.MIN_VALUE,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY
        })
    void rejectsRadiiThatAreNotPositiveAndFinite(double radius) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Circle(radius))
          .withMessage("radius must be positive and finite: " + radius);
    }

    @Test
    void rejectsRadiiWhoseAreaDoesNotFitADouble() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Circle(1e154))
          .withMessage("area of a circle of radius 1.0E154 overflows a double");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Circle(1e-170))
          .withMessage("area of a circle of radius 1.0E-170 underflows to zero");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Circle(Double.MIN_VALUE))
          .withMessageEndingWith("underflows to zero");
    }

    @Test
    void acceptsTheLargestAndSmallestRadiiThatFit() {
      assertThat(new Circle(7e153).area()).isFinite();
      assertThat(new Circle(1e-160).area()).isPositive();
    }
  }

  @Test
  void isAValue() {
    Circle circle = new Circle(1.5);

    assertThat(circle).isEqualTo(new Circle(1.5)).hasSameHashCodeAs(new Circle(1.5));
    assertThat(circle).isNotEqualTo(new Circle(1.5000000000000002));
    assertThat(circle).hasToString("Circle[radius=1.5]");
    assertThat(circle).isInstanceOf(Shape.class);
  }

  @Nested
  class Main {

    @Test
    void printsAreaAndCircumference() throws Exception {
      var printed = StdStreams.capture(() -> Circle.main("2"));

      assertThat(printed.out().lines())
          .containsExactly("area 12.566370614359172", "circumference 12.566370614359172");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(Circle::main)
          .withMessage("usage: junior.oop.4 <radius>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Circle.main("1", "2"))
          .withMessage("usage: junior.oop.4 <radius>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Circle.main("r"))
          .withMessage("not a number: 'r'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Circle.main("-3"))
          .withMessage("radius must be positive and finite: -3.0");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
