package org.interviewtasks.junior.oop;

import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A circle given by its radius, with its area and circumference.
 *
 * <p><b>Approach.</b> A {@code record}: a circle is a value fully described by its radius, so
 * equality, hashing and {@code toString} come for free and the radius cannot change after it was
 * checked. {@link #area()} is {@code πr²} and {@link #circumference()} {@code 2πr}, O(1) each,
 * computed on demand rather than stored (a record holds only its components, and the formulas are
 * cheaper than the memory). The circle is also a {@link Shape} (junior.oop.8), whose perimeter is
 * the circumference: the shape hierarchy reuses this class instead of having a second circle.
 *
 * <p><b>Edge cases.</b> The radius must be positive and finite: 0 (a point), negative numbers, NaN
 * and infinity are rejected with the value in the message. A radius so large that the area
 * overflows to infinity (about {@code 1e154}), or so small that it underflows to zero, is rejected
 * too, so every circle answers with a real number. Results are {@code double}s, close to but not
 * exactly the true values ({@code π} itself is rounded): compare them with a tolerance.
 *
 * <p><b>Follow-up.</b> <i>"Why not store the area in a field?"</i> Then the object holds two truths
 * that could disagree; derive it. If it were expensive, a class could cache it lazily. <i>"Exact
 * results?"</i> Keep {@code π} symbolic, or use {@code BigDecimal} with a {@code MathContext} and a
 * {@code π} of the needed digits.
 *
 * @param radius the radius, positive and finite
 */
@Task(id = "junior.oop.4", title = "Circle class", usage = "<radius>")
public record Circle(double radius) implements Shape {

  /**
   * Validates the radius.
   *
   * @throws IllegalArgumentException if the radius is not positive and finite, or so large (small)
   *     that the area overflows (underflows)
   */
  public Circle {
    Checks.length(radius, "radius");
    Checks.representable(Math.PI * radius * radius, () -> "area of a circle of radius " + radius);
  }

  /** {@code πr²}. */
  @Override
  public double area() {
    return Math.PI * radius * radius;
  }

  /** {@code 2πr}. */
  public double circumference() {
    return 2 * Math.PI * radius;
  }

  /** The circumference. */
  @Override
  public double perimeter() {
    return circumference();
  }

  /**
   * Prints the area and circumference of the circle with the radius given as argument.
   *
   * @throws IllegalArgumentException if there is not exactly one argument or it is not a valid
   *     radius
   */
  public static void main(String... args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: junior.oop.4 <radius>");
    }
    Circle circle = new Circle(Args.toBigDecimal(args[0]).doubleValue());
    System.out.println("area " + circle.area());
    System.out.println("circumference " + circle.circumference());
  }
}
