package org.interviewtasks.junior.oop;

import java.util.Arrays;

/**
 * A triangle given by its three sides, one of the {@link Shape}s of junior.oop.8.
 *
 * <p>The area comes from the sides alone with Heron's formula, {@code √(s(s−a)(s−b)(s−c))} where
 * {@code s} is half the perimeter (base times height would need a height, which the sides do not
 * give directly). Written that way it loses almost every digit for a thin "needle" triangle,
 * because {@code s − a} subtracts two nearly equal numbers. Kahan's rearrangement sorts the sides
 * {@code x ≥ y ≥ z} and computes {@code ¼ √((x+(y+z)) (z−(x−y)) (z+(x−y)) (x+(y−z)))}, with the
 * brackets exactly as written: accurate to a few units in the last place for every triangle. The
 * sides are first scaled by a power of two (exact) so that the product of the four factors cannot
 * overflow when the area itself fits.
 *
 * @param a a side, positive and finite
 * @param b a side, positive and finite
 * @param c a side, positive and finite
 */
public record Triangle(double a, double b, double c) implements Shape {

  /**
   * Validates the sides.
   *
   * @throws IllegalArgumentException if a side is not positive and finite, if the longest side is
   *     not shorter than the sum of the other two (no triangle, or a flat one), or if the area or
   *     perimeter does not fit a double
   */
  public Triangle {
    Checks.length(a, "side a");
    Checks.length(b, "side b");
    Checks.length(c, "side c");
    double[] s = sorted(a, b, c);
    if (!(s[0] - (s[2] - s[1]) > 0)) { // z > x − y, the form the area formula relies on
      throw new IllegalArgumentException(
          "sides "
              + a
              + ", "
              + b
              + ", "
              + c
              + " make no triangle: the longest must be shorter than the sum of the other two");
    }
    Checks.representable(a + b + c, () -> "perimeter of " + sides(a, b, c));
    Checks.representable(area(a, b, c), () -> "area of " + sides(a, b, c));
  }

  /** Heron's formula in Kahan's stable form. */
  @Override
  public double area() {
    return area(a, b, c);
  }

  /** {@code a + b + c}. */
  @Override
  public double perimeter() {
    return a + b + c;
  }

  private static double area(double a, double b, double c) {
    double[] s = sorted(a, b, c);
    int exponent = Math.getExponent(s[2]);
    double x = Math.scalb(s[2], -exponent); // in [1, 2): the product below stays below 2^6
    double y = Math.scalb(s[1], -exponent);
    double z = Math.scalb(s[0], -exponent);
    double area = 0.25 * Math.sqrt((x + (y + z)) * (z - (x - y)) * (z + (x - y)) * (x + (y - z)));
    return Math.scalb(area, 2 * exponent);
  }

  /** The sides in ascending order: {@code z, y, x}. */
  private static double[] sorted(double a, double b, double c) {
    double[] sides = {a, b, c};
    Arrays.sort(sides);
    return sides;
  }

  private static String sides(double a, double b, double c) {
    return "a triangle of sides " + a + ", " + b + ", " + c;
  }
}
