package org.interviewtasks.junior.oop;

/**
 * A square, one of the {@link Shape}s of junior.oop.8.
 *
 * @param side the length of a side, positive and finite
 */
public record Square(double side) implements Shape {

  /**
   * Validates the side.
   *
   * @throws IllegalArgumentException if the side is not positive and finite, or so large (small)
   *     that the area overflows (underflows)
   */
  public Square {
    Checks.length(side, "side");
    Checks.representable(side * side, () -> "area of a square of side " + side);
  }

  /** {@code side²}. */
  @Override
  public double area() {
    return side * side;
  }

  /** {@code 4 · side}; cannot overflow when the area does not. */
  @Override
  public double perimeter() {
    return 4 * side;
  }
}
