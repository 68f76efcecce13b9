package org.interviewtasks.junior.oop;

import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A car with a make, a model and a year, and a method that describes it.
 *
 * <p><b>Approach.</b> A car's description is a value: two cars with the same make, model and year
 * are interchangeable as data. A {@code record} says exactly that in one line and generates the
 * constructor, the accessors, {@code equals}, {@code hashCode} and {@code toString}; its fields are
 * final, so a {@code Car} can be shared and used as a map key safely. The compact constructor
 * validates once, so no {@code Car} with a blank make or a year before the first automobile can
 * exist. {@link #describe()} returns the text instead of printing it: the caller decides where it
 * goes (console, log, web page), and a test can check it.
 *
 * <p><b>Edge cases.</b> Make and model are stripped of surrounding whitespace and must not be
 * blank; any script is fine ({@code "Škoda"}, {@code "トヨタ"}). The year must be between {@value
 * #FIRST_YEAR} (Benz's Patent-Motorwagen) and {@value #LAST_YEAR}: an upper bound of "next year"
 * would make the check depend on the clock, which is the caller's policy, not the value's. Null
 * arguments fail with {@link NullPointerException} naming the field.
 *
 * <p><b>Follow-up.</b> <i>"And a car that is driven: mileage, a current owner?"</i> That is an
 * entity with changing state and an identity (the VIN): a class with private fields, methods that
 * change them under rules ({@code drive(km)} never lowers the mileage), and {@code equals} by VIN
 * only, or not overridden at all. <i>"Why not a class with getters and setters?"</i> Setters would
 * let anyone break the rules after validation, and a mutable key corrupts a {@code HashMap}.
 *
 * @param make the manufacturer, e.g. {@code "Toyota"}
 * @param model the model, e.g. {@code "Corolla"}
 * @param year the model year
 */
@Task(id = "junior.oop.1", title = "Car class")
public record Car(String make, String model, int year) {

  /** The year of the first automobile, Benz's Patent-Motorwagen. */
  public static final int FIRST_YEAR = 1886;

  /** The last year accepted: four digits are enough. */
  public static final int LAST_YEAR = 9999;

  /**
   * Validates and normalizes the fields.
   *
   * @throws IllegalArgumentException if make or model is blank or the year is out of range
   */
  public Car {
    make = Checks.text(make, "make");
    model = Checks.text(model, "model");
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ": " + year);
    }
  }

  /** The car's information in one line, e.g. {@code "2020 Toyota Corolla"}. */
  public String describe() {
    return year + " " + make + " " + model;
  }

  /**
   * Prints the description of the car given as {@code <make> <model> <year>}.
   *
   * @throws IllegalArgumentException on a wrong number of arguments or an invalid car
   */
  public static void main(String... args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: junior.oop.1 <make> <model> <year>");
    }
    System.out.println(new Car(args[0], args[1], Args.toInt(args[2])).describe());
  }
}
