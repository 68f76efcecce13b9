package org.interviewtasks.mid.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.oop.Shape.Circle;
import org.interviewtasks.mid.oop.Shape.Rectangle;
import org.interviewtasks.mid.oop.Shape.Square;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShapeTest {

  @Nested
  class Measures {

    @Test
    void eachKindOverridesAreaAndPerimeter() {
      assertThat(new Circle(1).area()).isCloseTo(Math.PI, within(1e-15));
      assertThat(new Circle(1).perimeter()).isCloseTo(2 * Math.PI, within(1e-15));
      assertThat(new Rectangle(2, 3).area()).isEqualTo(6);
      assertThat(new Rectangle(2, 3).perimeter()).isEqualTo(10);
      assertThat(new Square(2.5).area()).isEqualTo(6.25);
      assertThat(new Square(2.5).perimeter()).isEqualTo(10);
    }

    @Test
    void exposeTheirLengths() {
      assertThat(new Circle(1.5).radius()).isEqualTo(1.5);
      assertThat(new Rectangle(2, 3).width()).isEqualTo(2);
      assertThat(new Rectangle(2, 3).height()).isEqualTo(3);
      assertThat(new Square(4).side()).isEqualTo(4);
    }

    @Test
    void midShapesAreJuniorShapes() {
      List<org.interviewtasks.junior.oop.Shape> shapes =
          List.of(new Square(2), new Rectangle(1, 3), new org.interviewtasks.junior.oop.Square(1));

      assertThat(org.interviewtasks.junior.oop.Shape.totalArea(shapes)).isEqualTo(8);
    }

    @Test
    void equalShapesAreEqualValues() {
      assertThat(new Square(2)).isEqualTo(new Square(2)).hasSameHashCodeAs(new Square(2));
      assertThat(new Rectangle(2, 3)).isNotEqualTo(new Rectangle(3, 2));
      assertThat(new Square(2).asRectangle()).isEqualTo(new Rectangle(2, 2));
      assertThat(new Square(2)).isNotEqualTo(new Rectangle(2, 2));
    }
  }

  @Nested
  class SquaresAndRectangles {

    @Test
    void aSquareIsNotARectangleSubtypeButConvertsToOne() {
      Rectangle converted = new Square(3).asRectangle();

      assertThat(Rectangle.class.isAssignableFrom(Square.class)).isFalse();
      assertThat(converted.isSquare()).isTrue();
      assertThat(converted.area()).isEqualTo(9);
      assertThat(new Rectangle(3, 4).isSquare()).isFalse();
    }

    /** The classic counterexample, mutable, written here to show what the design avoids. */
    static class MutableRectangle {
      double width;
      double height;

      void setWidth(double width) {
        this.width = width;
      }

      void setHeight(double height) {
        this.height = height;
      }

      double area() {
        return width * height;
      }
    }

    static final class MutableSquare extends MutableRectangle {
      @Override
      void setWidth(double side) {
        width = side;
        height = side;
      }

      @Override
      void setHeight(double side) {
        width = side;
        height = side;
      }
    }

    @Test
    void aMutableSquareSubclassBreaksCodeWrittenForRectangles() {
      MutableRectangle rectangle = new MutableRectangle();
      MutableRectangle square = new MutableSquare();
      for (MutableRectangle r : List.of(rectangle, square)) {
        r.setWidth(5);
        r.setHeight(4); // code for rectangles expects width 5 to survive this
      }

      assertThat(rectangle.area()).isEqualTo(20);
      assertThat(square.area()).isEqualTo(16); // Liskov broken: a square is not substitutable
    }
  }

  @Nested
  class Scaling {

    @Test
    void scalingKeepsTheKind() {
      assertThat(new Circle(1).scaled(3)).isEqualTo(new Circle(3));
      assertThat(new Rectangle(1, 2).scaled(0.5)).isEqualTo(new Rectangle(0.5, 1));
      assertThat(new Square(2).scaled(2)).isEqualTo(new Square(4));
    }

    @ParameterizedTest(name = "factor {0}")
    @CsvSource({"0", "-2", "NaN", "Infinity", "-Infinity"})
    void rejectsFactorsThatAreNotPositiveAndFinite(double factor) {
      String message = "scale factor must be positive and finite: " + factor;

      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Circle(1).scaled(factor))
          .withMessage(message);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(1, 1).scaled(factor))
          .withMessage(message);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Square(1).scaled(factor))
          .withMessage(message);
    }

    @Test
    void aScaledShapeMustStillBeValid() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Square(1e100).scaled(1e100))
          .withMessageContaining("overflows a double");
    }
  }

  @Nested
  class OperationsOutsideTheShapes {

    @Test
    void rendersSvgWhateverTheLocale() {
      assertThat(Shape.toSvg(new Circle(1.5))).isEqualTo("<circle r=\"1.5\"/>");
      assertThat(Shape.toSvg(new Rectangle(2, 0.5)))
          .isEqualTo("<rect width=\"2.0\" height=\"0.5\"/>");
      assertThat(Shape.toSvg(new Square(3))).isEqualTo("<rect width=\"3.0\" height=\"3.0\"/>");
    }

    @Test
    void describesEachKind() {
      assertThat(Shape.describe(new Square(2)))
          .isEqualTo("square of side 2.0: area 4.0, perimeter 8.0");
      assertThat(Shape.describe(new Rectangle(2, 3)))
          .isEqualTo("rectangle of 2.0 by 3.0: area 6.0, perimeter 10.0");
      assertThat(Shape.describe(new Circle(1)))
          .isEqualTo("circle of radius 1.0: area " + Math.PI + ", perimeter " + 2 * Math.PI);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> Shape.toSvg(null)).withMessage("shape");
      assertThatNullPointerException().isThrownBy(() -> Shape.describe(null)).withMessage("shape");
      assertThatNullPointerException().isThrownBy(() -> new Circle(null)).withMessage("geometry");
      assertThatNullPointerException()
          .isThrownBy(() -> new Rectangle(null))
          .withMessage("geometry");
      assertThatNullPointerException().isThrownBy(() -> new Square(null)).withMessage("geometry");
    }
  }

  @Nested
  class Validation {

    @Test
    void lengthsAreValidatedByJunior() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Circle(-1))
          .withMessage("radius must be positive and finite: -1.0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(1, 0))
          .withMessage("height must be positive and finite: 0.0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Square(Double.NaN))
          .withMessage("side must be positive and finite: NaN");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void scalingByKMultipliesAreaByKSquaredAndPerimeterByK(long seed) {
    var random = new SplittableRandom(seed);
    double a = random.nextDouble(0.01, 100);
    double b = random.nextDouble(0.01, 100);
    double k = random.nextDouble(0.01, 10);
    Shape shape =
        switch (random.nextInt(3)) {
          case 0 -> new Circle(a);
          case 1 -> new Rectangle(a, b);
          default -> new Square(a);
        };

    Shape scaled = shape.scaled(k);

    assertThat(scaled.getClass()).isEqualTo(shape.getClass());
    assertThat(scaled.area()).isCloseTo(shape.area() * k * k, within(shape.area() * k * k * 1e-12));
    assertThat(scaled.perimeter())
        .isCloseTo(shape.perimeter() * k, within(shape.perimeter() * k * 1e-12));
  }

  @Nested
  class Main {

    @Test
    void describesEachShape() throws Exception {
      var printed = StdStreams.capture(() -> Shape.main("square", "2", "RECTANGLE", "2", "3"));

      assertThat(printed.out().lines())
          .containsExactly(
              "square of side 2.0: area 4.0, perimeter 8.0",
              "rectangle of 2.0 by 3.0: area 6.0, perimeter 10.0");
      assertThat(StdStreams.capture(() -> Shape.main("circle", "1")).out())
          .startsWith("circle of radius 1.0: area 3.14159");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(Shape::main)
          .withMessage("usage: mid.oop.3 (circle <r> | rectangle <w> <h> | square <s>)...");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("hexagon", "1"))
          .withMessage("unknown shape: 'hexagon'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("rectangle", "1"))
          .withMessage("rectangle needs 2 length(s)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Shape.main("square", "x"))
          .withMessage("not a number: 'x'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
