package org.interviewtasks.senior.advanced.dispatch;

/**
 * The example the three ways of dispatching are compared on: which collision rule applies to two
 * shapes. The rules, most specific first: circle meets circle; a circle meets anything; a rectangle
 * meets a rectangle; a polygon meets a polygon; any two shapes. So (Triangle, Rectangle) is a
 * polygon collision and (Triangle, Circle) falls through to the general rule.
 *
 * <ul>
 *   <li>{@link #bySwitch}: a pattern-matching {@code switch} over a pair of sealed types, the
 *       idiomatic Java 21 answer;
 *   <li>{@link Shape#collide}: double dispatch by virtual calls (the visitor's trick), the classic
 *       object-oriented answer;
 *   <li>{@link #byMultiMethod}: the same rules registered in a {@link MultiMethod}.
 * </ul>
 */
public final class Shapes {

  private Shapes() {}

  /**
   * The outcome: which rule applied, to which shapes.
   *
   * @param rule the rule's name, e.g. {@code polygon/polygon}
   * @param first the first shape
   * @param second the second shape
   */
  public record Collision(String rule, Shape first, Shape second) {}

  /** A shape; sealed, so a {@code switch} over it is checked for exhaustiveness. */
  public sealed interface Shape permits Circle, Polygon {
    /** The collision rule for this shape meeting {@code other}, by double dispatch. */
    Collision collide(Shape other);

    /** Second half of the double dispatch: {@code circle} hits this shape. */
    Collision hitByCircle(Circle circle);

    /** Second half of the double dispatch: {@code triangle} hits this shape. */
    Collision hitByTriangle(Triangle triangle);

    /** Second half of the double dispatch: {@code rectangle} hits this shape. */
    Collision hitByRectangle(Rectangle rectangle);
  }

  /** A polygon: the superclass whose rule covers triangles and rectangles. */
  public abstract static sealed class Polygon implements Shape permits Triangle, Rectangle {
    @Override
    public Collision hitByTriangle(Triangle triangle) {
      return new Collision("polygon/polygon", triangle, this);
    }

    @Override
    public Collision hitByRectangle(Rectangle rectangle) {
      return new Collision("polygon/polygon", rectangle, this);
    }

    @Override
    public Collision hitByCircle(Circle circle) {
      return new Collision("circle/shape", circle, this);
    }
  }

  /** A circle. */
  public static final class Circle implements Shape {
    @Override
    public Collision collide(Shape other) {
      return other.hitByCircle(this);
    }

    @Override
    public Collision hitByCircle(Circle circle) {
      return new Collision("circle/circle", circle, this);
    }

    @Override
    public Collision hitByTriangle(Triangle triangle) {
      return new Collision("shape/shape", triangle, this);
    }

    @Override
    public Collision hitByRectangle(Rectangle rectangle) {
      return new Collision("shape/shape", rectangle, this);
    }

    @Override
    public String toString() {
      return "Circle";
    }
  }

  /** A triangle. */
  public static final class Triangle extends Polygon {
    @Override
    public Collision collide(Shape other) {
      return other.hitByTriangle(this);
    }

    @Override
    public String toString() {
      return "Triangle";
    }
  }

  /** A rectangle. */
  public static final class Rectangle extends Polygon {
    @Override
    public Collision collide(Shape other) {
      return other.hitByRectangle(this);
    }

    @Override
    public Collision hitByRectangle(Rectangle rectangle) {
      return new Collision("rectangle/rectangle", rectangle, this);
    }

    @Override
    public String toString() {
      return "Rectangle";
    }
  }

  private record Pair(Shape first, Shape second) {}

  /**
   * The rules as a pattern-matching {@code switch}. The compiler checks that every pair is covered
   * and refuses a case that an earlier one dominates, so "most specific first" is enforced at
   * compile time; the price is that the rules are fixed in the source.
   */
  public static Collision bySwitch(Shape first, Shape second) {
    return switch (new Pair(first, second)) {
      case Pair(Circle a, Circle b) -> new Collision("circle/circle", a, b);
      case Pair(Circle a, Shape b) -> new Collision("circle/shape", a, b);
      case Pair(Rectangle a, Rectangle b) -> new Collision("rectangle/rectangle", a, b);
      case Pair(Polygon a, Polygon b) -> new Collision("polygon/polygon", a, b);
      case Pair(Shape a, Shape b) -> new Collision("shape/shape", a, b);
    };
  }

  /** The rules as a multimethod, registered in any order. */
  public static MultiMethod<Collision> byMultiMethod() {
    return MultiMethod.<Collision>builder("collide", 2)
        .define(Shape.class, Shape.class, (a, b) -> new Collision("shape/shape", a, b))
        .define(Polygon.class, Polygon.class, (a, b) -> new Collision("polygon/polygon", a, b))
        .define(Circle.class, Shape.class, (a, b) -> new Collision("circle/shape", a, b))
        .define(
            Rectangle.class, Rectangle.class, (a, b) -> new Collision("rectangle/rectangle", a, b))
        .define(Circle.class, Circle.class, (a, b) -> new Collision("circle/circle", a, b))
        .build();
  }
}
