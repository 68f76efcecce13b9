package org.interviewtasks.mid.oop;

import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A shape interface with {@link Circle}, {@link Rectangle} and {@link Square} implementing it, each
 * overriding the area and the perimeter, and operations defined outside the shapes by exhaustive
 * pattern matching.
 *
 * <p><b>What mid adds over junior.</b> {@link org.interviewtasks.junior.oop.Shape} (junior.oop.8)
 * is already an interface with {@code area()} and {@code perimeter()}, implemented by validated
 * records, and its Javadoc argues for leaving it open: behaviour lives in the shapes, so new kinds
 * are easy to add. This interface extends it (a mid shape is a junior shape: {@code
 * Shape.totalArea} of junior adds them up) and takes the other side of that trade-off, the
 * <i>expression problem</i>: it is {@code sealed}, so the compiler knows every kind, and operations
 * can be written outside the shapes as a {@code switch} over them, {@link #toSvg} and {@link
 * #describe} here, which the compiler checks for exhaustiveness: add a kind and every such switch
 * that misses it fails to compile. Open interface: new kinds are cheap, new operations touch every
 * kind. Sealed interface: new operations are cheap, new kinds touch every operation.
 *
 * <p><b>Reuse.</b> The kinds are thin records around junior's {@code Circle}, {@code Rectangle} and
 * {@code Square}: validation (positive, finite, no overflow) and the formulas are junior's, reached
 * by composition. Each kind adds {@link #scaled(double)}, a new shape of the same kind.
 *
 * <p><b>Square and rectangle.</b> Mathematically a square is a rectangle, but {@code Square extends
 * Rectangle} breaks the Liskov substitution principle as soon as rectangles are mutable: code that
 * sets a rectangle's width and expects its height unchanged fails on a square. Here the kinds are
 * immutable values and unrelated types; a rectangle reports {@link Rectangle#isSquare()}, and
 * {@link Square#asRectangle()} converts explicitly. That keeps every {@code switch} honest too: a
 * square is matched once, not by two cases.
 *
 * <p><b>Edge cases.</b> A scale factor must be positive and finite, and the scaled shape must still
 * be valid (junior rejects areas that overflow). Results are {@code double}s: compare with a
 * tolerance. SVG output uses {@link Locale#ROOT} so that no locale writes a decimal comma.
 *
 * <p><b>Follow-up.</b> <i>"Add a triangle?"</i> Add it to {@code permits}, and the compiler lists
 * every switch to update. <i>"Both kinds and operations must grow?"</i> The visitor pattern or open
 * interfaces with default methods; Java's sealed types plus pattern matching are the modern form of
 * the visitor.
 */
@Task(
    id = "mid.oop.3",
    title = "Shape interface with circle, rectangle and square",
    usage = "(circle <r> | rectangle <w> <h> | square <s>)...")
public sealed interface Shape extends org.interviewtasks.junior.oop.Shape
    permits Shape.Circle, Shape.Rectangle, Shape.Square {

  /**
   * The same kind of shape with every length multiplied by {@code factor}.
   *
   * @throws IllegalArgumentException if the factor is not positive and finite, or the result is not
   *     a valid shape
   */
  Shape scaled(double factor);

  /**
   * A circle, by composition of junior's circle.
   *
   * @param geometry the junior circle that validates and computes
   */
  record Circle(org.interviewtasks.junior.oop.Circle geometry) implements Shape {

    /** Checks that there is a geometry. */
    public Circle {
      Objects.requireNonNull(geometry, "geometry");
    }

    /**
     * A circle of the given radius.
     *
     * @throws IllegalArgumentException if the radius is not valid
     */
    public Circle(double radius) {
      this(new org.interviewtasks.junior.oop.Circle(radius));
    }

    /** The radius. */
    public double radius() {
      return geometry.radius();
    }

    @Override
    public double area() {
      return geometry.area();
    }

    @Override
    public double perimeter() {
      return geometry.perimeter();
    }

    @Override
    public Circle scaled(double factor) {
      return new Circle(radius() * requireFactor(factor));
    }
  }

  /**
   * A rectangle, by composition of junior's rectangle.
   *
   * @param geometry the junior rectangle that validates and computes
   */
  record Rectangle(org.interviewtasks.junior.oop.Rectangle geometry) implements Shape {

    /** Checks that there is a geometry. */
    public Rectangle {
      Objects.requireNonNull(geometry, "geometry");
    }

    /**
     * A rectangle of the given sides.
     *
     * @throws IllegalArgumentException if a side is not valid
     */
    public Rectangle(double width, double height) {
      this(new org.interviewtasks.junior.oop.Rectangle(width, height));
    }

    /** The width. */
    public double width() {
      return geometry.width();
    }

    /** The height. */
    public double height() {
      return geometry.height();
    }

    /** Whether the sides are equal; it stays a {@code Rectangle} all the same. */
    public boolean isSquare() {
      return geometry.isSquare();
    }

    @Override
    public double area() {
      return geometry.area();
    }

    @Override
    public double perimeter() {
      return geometry.perimeter();
    }

    @Override
    public Rectangle scaled(double factor) {
      double f = requireFactor(factor);
      return new Rectangle(width() * f, height() * f);
    }
  }

  /**
   * A square, by composition of junior's square; not a subtype of {@link Rectangle}.
   *
   * @param geometry the junior square that validates and computes
   */
  record Square(org.interviewtasks.junior.oop.Square geometry) implements Shape {

    /** Checks that there is a geometry. */
    public Square {
      Objects.requireNonNull(geometry, "geometry");
    }

    /**
     * A square of the given side.
     *
     * @throws IllegalArgumentException if the side is not valid
     */
    public Square(double side) {
      this(new org.interviewtasks.junior.oop.Square(side));
    }

    /** The side. */
    public double side() {
      return geometry.side();
    }

    /** The rectangle with this square's sides: an explicit conversion instead of a subtype. */
    public Rectangle asRectangle() {
      return new Rectangle(side(), side());
    }

    @Override
    public double area() {
      return geometry.area();
    }

    @Override
    public double perimeter() {
      return geometry.perimeter();
    }

    @Override
    public Square scaled(double factor) {
      return new Square(side() * requireFactor(factor));
    }
  }

  /** The shape as an SVG element at the origin: an operation written outside the shapes. */
  static String toSvg(Shape shape) {
    Objects.requireNonNull(shape, "shape");
    return switch (shape) {
      case Circle c -> String.format(Locale.ROOT, "<circle r=\"%s\"/>", c.radius());
      case Rectangle r ->
          String.format(Locale.ROOT, "<rect width=\"%s\" height=\"%s\"/>", r.width(), r.height());
      case Square s ->
          String.format(Locale.ROOT, "<rect width=\"%s\" height=\"%s\"/>", s.side(), s.side());
    };
  }

  /** E.g. {@code "square of side 2.0: area 4.0, perimeter 8.0"}. */
  static String describe(Shape shape) {
    Objects.requireNonNull(shape, "shape");
    String what =
        switch (shape) {
          case Circle c -> "circle of radius " + c.radius();
          case Rectangle r -> "rectangle of " + r.width() + " by " + r.height();
          case Square s -> "square of side " + s.side();
        };
    return what + ": area " + shape.area() + ", perimeter " + shape.perimeter();
  }

  private static double requireFactor(double factor) {
    if (!(factor > 0 && factor < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("scale factor must be positive and finite: " + factor);
    }
    return factor;
  }

  /**
   * Describes each shape given as {@code circle <r>}, {@code rectangle <w> <h>} or {@code square
   * <s>}, e.g. {@code square 2 circle 1}.
   *
   * @throws IllegalArgumentException on an unknown shape or a missing or bad length
   */
  static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException(
          "usage: mid.oop.3 (circle <r> | rectangle <w> <h> | square <s>)...");
    }
    int i = 0;
    while (i < args.length) {
      String kind = args[i].toLowerCase(Locale.ROOT);
      int lengths =
          switch (kind) {
            case "circle", "square" -> 1;
            case "rectangle" -> 2;
            default -> throw new IllegalArgumentException("unknown shape: '" + args[i] + "'");
          };
      if (i + lengths >= args.length) {
        throw new IllegalArgumentException(kind + " needs " + lengths + " length(s)");
      }
      double first = Args.toBigDecimal(args[i + 1]).doubleValue();
      Shape shape =
          switch (kind) {
            case "circle" -> new Circle(first);
            case "square" -> new Square(first);
            default -> new Rectangle(first, Args.toBigDecimal(args[i + 2]).doubleValue());
          };
      System.out.println(describe(shape));
      i += 1 + lengths;
    }
  }
}
