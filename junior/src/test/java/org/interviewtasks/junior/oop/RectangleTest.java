package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
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

class RectangleTest {

  @Nested
  class Measures {

    @ParameterizedTest(name = "{0} x {1}: area {2}, perimeter {3}")
    @CsvSource({
      "2, 3, 6, 10",
      "3, 2, 6, 10",
      "1, 1, 1, 4",
      "0.5, 4, 2, 9",
      "0.1, 0.2, 0.020000000000000004, 0.6000000000000001",
      "1E150, 1E-150, 1, 2E150",
      "1E-150, 1E-150, 1E-300, 4E-150"
    })
    void computesAreaAndPerimeter(double width, double height, double area, double perimeter) {
      Rectangle rectangle = new Rectangle(width, height);

      assertThat(rectangle.area()).isEqualTo(area);
      assertThat(rectangle.perimeter()).isEqualTo(perimeter);
      assertThat(rectangle.width()).isEqualTo(width);
      assertThat(rectangle.height()).isEqualTo(height);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.oop.RectangleTest#seeds")
    void agreesWithExactArithmeticRoundedOnce(long seed) {
      var random = new SplittableRandom(seed);
      double width = Math.pow(10, random.nextDouble(-100, 100));
      double height = Math.pow(10, random.nextDouble(-100, 100));
      Rectangle rectangle = new Rectangle(width, height);
      BigDecimal w = new BigDecimal(width);
      BigDecimal h = new BigDecimal(height);

      // IEEE 754 rounds one multiplication or addition correctly; doubling is exact.
      assertThat(rectangle.area()).isEqualTo(w.multiply(h).doubleValue());
      assertThat(rectangle.perimeter()).isEqualTo(w.add(h).multiply(BigDecimal.TWO).doubleValue());
      assertThat(new Rectangle(height, width).area()).isEqualTo(rectangle.area());
      assertThat(new Rectangle(width, width).area()).isEqualTo(new Square(width).area());
    }
  }

  @Nested
  class Squareness {

    @Test
    void equalSidesMakeASquareShapedRectangle() {
      assertThat(new Rectangle(2, 2).isSquare()).isTrue();
      assertThat(new Rectangle(2, 3).isSquare()).isFalse();
      assertThat(new Rectangle(3, 2).isSquare()).isFalse();
      assertThat(new Rectangle(1, Math.nextUp(1.0)).isSquare()).isFalse();
      assertThat((Shape) new Rectangle(2, 2)).isNotInstanceOf(Square.class);
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "length {0}")
    @ValueSource(doubles = {0.0, -0.0, -2.5, Double.NaN, Double.POSITIVE_INFINITY, -1e300})
    void rejectsSidesThatAreNotPositiveAndFinite(double length) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(length, 1))
          .withMessage("width must be positive and finite: " + length);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(1, length))
          .withMessage("height must be positive and finite: " + length);
    }

    @Test
    void rejectsRectanglesWhoseMeasuresDoNotFitADouble() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(1e200, 1e200))
          .withMessage("area of a 1.0E200 by 1.0E200 rectangle overflows a double");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(1e-200, 1e-200))
          .withMessage("area of a 1.0E-200 by 1.0E-200 rectangle underflows to zero");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Rectangle(1e308, 1e-10))
          .withMessage("perimeter of a 1.0E308 by 1.0E-10 rectangle overflows a double");
    }

    @Test
    void acceptsTheLargestPerimeterThatFits() {
      Rectangle rectangle = new Rectangle(Double.MAX_VALUE / 4, Double.MIN_NORMAL * 4);

      assertThat(rectangle.perimeter()).isEqualTo(Double.MAX_VALUE / 2);
    }
  }

  @Test
  void isAValueWhereWidthAndHeightAreDistinct() {
    Rectangle rectangle = new Rectangle(2, 3);

    assertThat(rectangle).isEqualTo(new Rectangle(2, 3)).hasSameHashCodeAs(new Rectangle(2, 3));
    assertThat(rectangle).isNotEqualTo(new Rectangle(3, 2));
    assertThat(rectangle).hasToString("Rectangle[width=2.0, height=3.0]");
  }

  @Nested
  class Main {

    @Test
    void printsAreaAndPerimeter() throws Exception {
      var printed = StdStreams.capture(() -> Rectangle.main("2.5", "4"));

      assertThat(printed.out().lines()).containsExactly("area 10.0", "perimeter 13.0");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Rectangle.main("2"))
          .withMessage("usage: junior.oop.6 <width> <height>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Rectangle.main("2", "3", "4"))
          .withMessage("usage: junior.oop.6 <width> <height>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Rectangle.main("2", "tall"))
          .withMessage("not a number: 'tall'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
