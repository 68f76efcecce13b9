package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.List;
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

class ShapeTest {

  @Nested
  class Squares {

    @ParameterizedTest(name = "side {0}: area {1}, perimeter {2}")
    @CsvSource({"1, 1, 4", "2, 4, 8", "0.5, 0.25, 2", "3, 9, 12", "1E-150, 1E-300, 4E-150"})
    void computeAreaAndPerimeter(double side, double area, double perimeter) {
      Shape square = new Square(side);

      assertThat(square.area()).isEqualTo(area);
      assertThat(square.perimeter()).isEqualTo(perimeter);
    }

    @ParameterizedTest(name = "side {0}")
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.NEGATIVE_INFINITY})
    void rejectSidesThatAreNotPositiveAndFinite(double side) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Square(side))
          .withMessage("side must be positive and finite: " + side);
    }

    @Test
    void rejectSidesWhoseAreaDoesNotFit() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Square(1e155))
          .withMessage("area of a square of side 1.0E155 overflows a double");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Square(1e-170))
          .withMessage("area of a square of side 1.0E-170 underflows to zero");
    }

    @Test
    void areValues() {
      assertThat(new Square(2)).isEqualTo(new Square(2)).hasSameHashCodeAs(new Square(2));
      assertThat(new Square(2)).isNotEqualTo(new Square(3)).hasToString("Square[side=2.0]");
    }
  }

  @Nested
  class Triangles {

    @ParameterizedTest(name = "{0}, {1}, {2}: area {3}")
    @CsvSource({
      "3, 4, 5, 6",
      "5, 4, 3, 6",
      "4, 5, 3, 6",
      "5, 5, 6, 12",
      "5, 5, 8, 12",
      "13, 14, 15, 84",
      "6, 25, 29, 60",
      "1E100, 1E100, 1E100, 4.330127018922193E199"
    })
    void computeTheAreaFromTheSides(double a, double b, double c, double area) {
      Triangle triangle = new Triangle(a, b, c);

      assertThat(triangle.area()).isCloseTo(area, within(Math.ulp(area) * 4));
      assertThat(triangle.perimeter()).isEqualTo(a + b + c);
      assertThat(List.of(triangle.a(), triangle.b(), triangle.c())).containsExactly(a, b, c);
    }

    @Test
    void computeTheEquilateralArea() {
      assertThat(new Triangle(2, 2, 2).area()).isCloseTo(Math.sqrt(3), within(1e-15));
      assertThat(new Triangle(1, 1, 1).area()).isCloseTo(Math.sqrt(3) / 4, within(1e-16));
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"1, 1, 1E-15", "1E10, 9.99999999999999E9, 2E-5", "1, 0.9999999999999, 3E-13"})
    void stayAccurateForNeedleTriangles(double a, double b, double c) {
      double exact = exactArea(a, b, c);
      double s = (a + b + c) / 2;
      double naive = Math.sqrt(s * (s - a) * (s - b) * (s - c));

      double area = new Triangle(a, b, c).area();

      assertThat(area).isCloseTo(exact, within(exact * 1e-14));
      assertThat(Math.abs(naive - exact) / exact).isGreaterThan(1e-3); // why Kahan's form
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.oop.ShapeTest#seeds")
    void agreeWithHeronComputedExactly(long seed) {
      var random = new SplittableRandom(seed);
      double scale = Math.pow(10, random.nextDouble(-60, 60));
      double x = scale;
      double y = x * random.nextDouble(0.5, 1.0);
      // Sometimes a needle: the third side barely longer than x − y.
      double z =
          random.nextBoolean()
              ? (x - y) + (x - y + 1e-9 * x) * random.nextDouble(1e-9, 1)
              : random.nextDouble(x - y, x + y);
      double[] sides = {x, y, z};
      shuffle(sides, random);
      if (!(sides[0] > 0 && sides[1] > 0 && sides[2] > 0) || z <= x - y || z >= x + y) {
        return; // the draw fell on the boundary; nothing to compare
      }

      Triangle triangle = new Triangle(sides[0], sides[1], sides[2]);

      double exact = exactArea(sides[0], sides[1], sides[2]);
      assertThat(triangle.area()).isCloseTo(exact, within(exact * 1e-12));
      assertThat(new Triangle(sides[2], sides[0], sides[1]).area()).isEqualTo(triangle.area());
    }

    @ParameterizedTest(name = "{0}, {1}, {2}")
    @CsvSource({"1, 2, 3", "3, 1, 2", "2, 3, 1", "1, 1, 3", "10, 1, 1", "1, 1, 2", "1E308, 1, 1"})
    void rejectSidesThatMakeNoTriangle(double a, double b, double c) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(a, b, c))
          .withMessage(
              "sides "
                  + a
                  + ", "
                  + b
                  + ", "
                  + c
                  + " make no triangle: the longest must be shorter than the sum of the other two");
    }

    @Test
    void acceptTheThinnestTriangleADoubleCanTell() {
      double longest = Math.nextDown(3.0);
      Triangle triangle = new Triangle(1, 2, longest);

      assertThat(triangle.area()).isPositive();
      assertThat(triangle.area()).isCloseTo(exactArea(1, 2, longest), within(1e-12));
    }

    @Test
    void rejectSidesThatAreNotPositiveAndFinite() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(0, 1, 1))
          .withMessage("side a must be positive and finite: 0.0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(1, -1, 1))
          .withMessage("side b must be positive and finite: -1.0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(1, 1, Double.NaN))
          .withMessage("side c must be positive and finite: NaN");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(1, 1, Double.POSITIVE_INFINITY))
          .withMessage("side c must be positive and finite: Infinity");
    }

    @Test
    void rejectTrianglesWhoseMeasuresDoNotFit() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(1e308, 1e308, 1e308))
          .withMessage(
              "perimeter of a triangle of sides 1.0E308, 1.0E308, 1.0E308 overflows a double");
      assertThatIllegalArgumentException() // the first two sides still add up to a finite sum
          .isThrownBy(() -> new Triangle(8e307, 8e307, 8e307))
          .withMessage(
              "perimeter of a triangle of sides 8.0E307, 8.0E307, 8.0E307 overflows a double");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(1e200, 1e200, 1e200))
          .withMessage("area of a triangle of sides 1.0E200, 1.0E200, 1.0E200 overflows a double");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Triangle(1e-200, 1e-200, 1e-200))
          .withMessage(
              "area of a triangle of sides 1.0E-200, 1.0E-200, 1.0E-200 underflows to zero");
    }

    @Test
    void areValuesOfTheirSidesInOrder() {
      assertThat(new Triangle(3, 4, 5)).isEqualTo(new Triangle(3, 4, 5));
      assertThat(new Triangle(3, 4, 5)).hasSameHashCodeAs(new Triangle(3, 4, 5));
      assertThat(new Triangle(3, 4, 5)).isNotEqualTo(new Triangle(5, 4, 3));
      assertThat(new Triangle(3, 4, 5)).hasToString("Triangle[a=3.0, b=4.0, c=5.0]");
    }
  }

  @Nested
  class Polymorphism {

    @Test
    void totalAreaAddsUpEveryKind() {
      List<Shape> shapes =
          List.of(new Square(2), new Triangle(3, 4, 5), new Rectangle(2, 3), new Circle(1));

      assertThat(Shape.totalArea(shapes)).isCloseTo(16 + Math.PI, within(1e-14));
      assertThat(shapes).extracting(Shape::perimeter).containsExactly(8.0, 12.0, 10.0, 2 * Math.PI);
    }

    @Test
    void totalAreaOfNothingIsZero() {
      assertThat(Shape.totalArea(List.of())).isZero();
      assertThat(Shape.totalArea(List.of(new Square(3)))).isEqualTo(9.0);
    }

    @Test
    void totalAreaRejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> Shape.totalArea(null))
          .withMessage("shapes");
      assertThatNullPointerException()
          .isThrownBy(() -> Shape.totalArea(Arrays.asList(new Square(1), null)))
          .withMessage("shape");
    }

    @Test
    void anyoneCanAddAShape() {
      Shape unit =
          new Shape() {
            @Override
            public double area() {
              return 1;
            }

            @Override
            public double perimeter() {
              return 4;
            }
          };

      assertThat(Shape.class.isSealed()).isFalse();
      assertThat(Shape.totalArea(List.of(unit, new Square(2)))).isEqualTo(5.0);
    }
  }

  @Nested
  class Main {

    @Test
    void printsEachAreaAndTheTotal() throws Exception {
      var printed =
          StdStreams.capture(
              () -> Shape.main("square", "2", "TRIANGLE", "3", "4", "5", "rectangle", "1", "0.5"));

      assertThat(printed.out().lines())
          .containsExactly(
              "Square[side=2.0] area 4.0",
              "Triangle[a=3.0, b=4.0, c=5.0] area 6.0",
              "Rectangle[width=1.0, height=0.5] area 0.5",
              "total area 10.5");
    }

    @Test
    void printsACircle() throws Exception {
      var printed = StdStreams.capture(() -> Shape.main("circle", "1"));

      assertThat(printed.out().lines())
          .containsExactly("Circle[radius=1.0] area " + Math.PI, "total area " + Math.PI);
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(Shape::main)
          .withMessageStartingWith("usage: junior.oop.8 (square <side> | triangle <a> <b> <c>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("hexagon", "1"))
          .withMessage("unknown shape: 'hexagon'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("triangle", "3", "4"))
          .withMessage("triangle needs 3 length(s)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("square", "1", "rectangle", "2"))
          .withMessage("rectangle needs 2 length(s)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("square"))
          .withMessage("square needs 1 length(s)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("square", "x"))
          .withMessage("not a number: 'x'");
    }
  }

  /** Heron's formula in exact decimal arithmetic, rounded once at the end. */
  static double exactArea(double a, double b, double c) {
    var context = new MathContext(60);
    BigDecimal x = new BigDecimal(a);
    BigDecimal y = new BigDecimal(b);
    BigDecimal z = new BigDecimal(c);
    BigDecimal s = x.add(y).add(z).divide(BigDecimal.TWO);
    BigDecimal product = s.multiply(s.subtract(x)).multiply(s.subtract(y)).multiply(s.subtract(z));
    return product.sqrt(context).doubleValue();
  }

  private static void shuffle(double[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double saved = values[i];
      values[i] = values[j];
      values[j] = saved;
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
