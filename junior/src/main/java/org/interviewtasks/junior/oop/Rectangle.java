package org.interviewtasks.junior.oop;

import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A rectangle given by its width and height, with its area and perimeter.
 *
 * <p><b>Approach.</b> A {@code record} of two lengths, validated in the compact constructor:
 * immutable, with value equality. {@link #area()} is {@code width · height} and {@link
 * #perimeter()} {@code 2 (width + height)}, O(1). The rectangle is also a {@link Shape}
 * (junior.oop.8), so the shape hierarchy uses this class rather than a copy of it.
 *
 * <p><b>Edge cases.</b> Both lengths must be positive and finite; the message names the one that is
 * not. A rectangle whose area or perimeter would overflow to infinity (sides near {@code 1e154} and
 * beyond, or one side near {@code Double.MAX_VALUE}), or whose area would underflow to zero, is
 * rejected. A rectangle with equal sides is allowed and reports {@link #isSquare()}; it still is a
 * {@code Rectangle}, not a {@link Square}: the type says how it was made, not what it happens to
 * look like. {@code new Rectangle(2, 3)} and {@code new Rectangle(3, 2)} are not equal: width and
 * height are different components.
 *
 * <p><b>Follow-up.</b> <i>"Should Square extend Rectangle?"</i> Only while both are immutable; with
 * a {@code setWidth} a square either breaks its own rule or surprises code written for rectangles
 * (the Liskov substitution principle). <i>"Scale it?"</i> Return a new rectangle: {@code
 * scaled(factor)}, never change this one.
 *
 * @param width the width, positive and finite
 * @param height the height, positive and finite
 */
@Task(id = "junior.oop.6", title = "Rectangle class")
public record Rectangle(double width, double height) implements Shape {

  /**
   * Validates the sides.
   *
   * @throws IllegalArgumentException if a side is not positive and finite, or the area or perimeter
   *     does not fit a double
   */
  public Rectangle {
    Checks.length(width, "width");
    Checks.length(height, "height");
    Checks.representable(
        width * height, () -> "area of a " + width + " by " + height + " rectangle");
    Checks.representable(
        2 * (width + height), () -> "perimeter of a " + width + " by " + height + " rectangle");
  }

  /** {@code width · height}. */
  @Override
  public double area() {
    return width * height;
  }

  /** {@code 2 (width + height)}. */
  @Override
  public double perimeter() {
    return 2 * (width + height);
  }

  /** Whether width and height are equal. */
  public boolean isSquare() {
    return width == height;
  }

  /**
   * Prints the area and perimeter of the rectangle given as {@code <width> <height>}.
   *
   * @throws IllegalArgumentException if there are not exactly two valid lengths
   */
  public static void main(String... args) {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.oop.6 <width> <height>");
    }
    Rectangle rectangle =
        new Rectangle(
            Args.toBigDecimal(args[0]).doubleValue(), Args.toBigDecimal(args[1]).doubleValue());
    System.out.println("area " + rectangle.area());
    System.out.println("perimeter " + rectangle.perimeter());
  }
}
