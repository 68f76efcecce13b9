package org.interviewtasks.junior.oop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A geometric shape that knows its area and perimeter, with {@link Square} and {@link Triangle} as
 * the kinds this task asks for, and {@link Circle} (junior.oop.4) and {@link Rectangle}
 * (junior.oop.6) reused as two more kinds instead of being written twice.
 *
 * <p><b>Approach.</b> An interface: shapes share behaviour, not state (a circle has a radius, a
 * triangle three sides), so there is nothing for a base class to hold. Each kind is an immutable
 * {@code record} that validates its lengths in its constructor and computes {@link #area()} its own
 * way; code that holds a {@code Shape} calls {@code area()} without knowing which kind it has, as
 * {@link #totalArea(Collection)} does. Lengths are {@code double}: geometry is approximate anyway
 * ({@code π} is), unlike money.
 *
 * <p>Why not {@code sealed}? Sealing lists the kinds, in this package only, and lets a {@code
 * switch} over shapes be checked for exhaustiveness. But the operations live in the shapes
 * (polymorphism), so no code here switches over kinds, and the hierarchy is meant to grow: other
 * code, such as mid.oop.3, adds shapes of its own from another package. Were operations added from
 * outside instead (a renderer, an exporter), sealing it would be the better choice, with a {@code
 * non-sealed} branch left open for extensions.
 *
 * <p><b>Edge cases.</b> Every length must be positive and finite: zero, negative, NaN and infinite
 * lengths are rejected with a message naming the length. So are shapes whose area or perimeter
 * would overflow to infinity, and triangles whose sides break the triangle inequality (a "triangle"
 * 1, 2, 3 is flat). The triangle's area uses Heron's formula in Kahan's numerically stable form,
 * see {@link Triangle}.
 *
 * <p><b>Follow-up.</b> <i>"Is a square a rectangle?"</i> In mathematics yes, but a {@code Square
 * extends Rectangle} breaks the Liskov substitution principle as soon as a rectangle's width can be
 * changed independently of its height. With immutable records the question disappears: both are
 * separate shapes. <i>"Compare shapes by area?"</i> {@code
 * Comparator.comparingDouble(Shape::area)}.
 */
@Task(
    id = "junior.oop.8",
    title = "Shape hierarchy",
    usage =
        "(square <side> | triangle <a> <b> <c> | circle <radius> | rectangle <width> <height>)...")
public interface Shape {

  /** The area, positive and finite. */
  double area();

  /** The length of the boundary, positive and finite. */
  double perimeter();

  /**
   * The sum of the areas of the shapes, whatever their kinds; 0 for none.
   *
   * @throws NullPointerException if the collection or a shape in it is null
   */
  static double totalArea(Collection<? extends Shape> shapes) {
    double total = 0;
    for (Shape shape : Objects.requireNonNull(shapes, "shapes")) {
      total += Objects.requireNonNull(shape, "shape").area();
    }
    return total;
  }

  /**
   * Prints the area of each shape and their total; a shape is {@code square <side>}, {@code
   * triangle <a> <b> <c>}, {@code circle <radius>} or {@code rectangle <width> <height>}, e.g.
   * {@code square 2 triangle 3 4 5}.
   *
   * @throws IllegalArgumentException on an unknown shape, a missing or bad length
   */
  static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException(
          "usage: junior.oop.8 (square <side> | triangle <a> <b> <c> | circle <radius>"
              + " | rectangle <width> <height>)...");
    }
    List<Shape> shapes = new ArrayList<>();
    int i = 0;
    while (i < args.length) {
      String kind = args[i].toLowerCase(Locale.ROOT);
      int lengths =
          switch (kind) {
            case "square", "circle" -> 1;
            case "rectangle" -> 2;
            case "triangle" -> 3;
            default -> throw new IllegalArgumentException("unknown shape: '" + args[i] + "'");
          };
      if (i + lengths >= args.length) {
        throw new IllegalArgumentException(kind + " needs " + lengths + " length(s)");
      }
      double[] l = new double[lengths];
      for (int j = 0; j < lengths; j++) {
        l[j] = Args.toBigDecimal(args[i + 1 + j]).doubleValue();
      }
      shapes.add(
          switch (kind) {
            case "square" -> new Square(l[0]);
            case "circle" -> new Circle(l[0]);
            case "rectangle" -> new Rectangle(l[0], l[1]);
            default -> new Triangle(l[0], l[1], l[2]);
          });
      i += 1 + lengths;
    }
    for (Shape shape : shapes) {
      System.out.println(shape + " area " + shape.area());
    }
    System.out.println("total area " + totalArea(shapes));
  }
}
