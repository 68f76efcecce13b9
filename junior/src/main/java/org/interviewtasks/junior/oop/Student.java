package org.interviewtasks.junior.oop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A student with a name, an age and grades, and a method that gives the student's information.
 *
 * <p><b>Approach.</b> A {@code record}: a student's record card is data, compared by value. The
 * grades are copied into an unmodifiable list in the constructor, so neither the caller's list nor
 * the accessor can change a {@code Student} afterwards (a record's fields are final, but a final
 * reference to a mutable list would not be enough). Adding a grade returns a new {@code Student}
 * ({@link #withGrade(int)}). {@link #info()} returns the text rather than printing it, so the
 * caller chooses where it goes; {@link #main} prints it.
 *
 * <p><b>Edge cases.</b> The name is stripped and must not be blank; the age must be between {@value
 * #MIN_AGE} and {@value #MAX_AGE}; a grade between {@value #MIN_GRADE} and {@value #MAX_GRADE}. A
 * student without grades has no average: {@link #average()} returns an empty {@link OptionalDouble}
 * rather than 0 (which would read as "failed everything") or NaN (which spreads silently through
 * later arithmetic). The average is a {@code double}: grades are small integers and the average is
 * a statistic, not money; the sum is a {@code long}, so it cannot overflow. The info shows it with
 * two decimals.
 *
 * <p><b>Follow-up.</b> <i>"Grades per subject?"</i> A {@code Map<Subject, List<Integer>>}, copied
 * with {@code Map.copyOf}. <i>"Why not let info() print?"</i> A method that prints cannot be reused
 * in a web page or a log, and a test must capture {@code System.out} to check it.
 *
 * @param name the name, e.g. {@code "Zoë"}
 * @param age the age in years
 * @param grades the grades so far, oldest first
 */
@Task(id = "junior.oop.7", title = "Student class")
public record Student(String name, int age, List<Integer> grades) {

  /** The youngest age accepted. */
  public static final int MIN_AGE = 0;

  /** The oldest age accepted. */
  public static final int MAX_AGE = 150;

  /** The lowest grade. */
  public static final int MIN_GRADE = 0;

  /** The highest grade. */
  public static final int MAX_GRADE = 100;

  /**
   * Validates the fields and copies the grades.
   *
   * @throws NullPointerException if the name, the grades or a grade is null
   * @throws IllegalArgumentException if the name is blank, or the age or a grade is out of range
   */
  public Student {
    name = Checks.text(name, "name");
    if (age < MIN_AGE || age > MAX_AGE) {
      throw new IllegalArgumentException(
          "age must be between " + MIN_AGE + " and " + MAX_AGE + ": " + age);
    }
    List<Integer> copy = new ArrayList<>(Objects.requireNonNull(grades, "grades"));
    copy.forEach(Student::checkGrade); // checks the copy: the caller's list may change later
    grades = List.copyOf(copy);
  }

  /** A student without grades yet. */
  public Student(String name, int age) {
    this(name, age, List.of());
  }

  /**
   * This student with one more grade.
   *
   * @throws IllegalArgumentException if the grade is out of range
   */
  public Student withGrade(int grade) {
    List<Integer> more = new ArrayList<>(grades);
    more.add(grade);
    return new Student(name, age, more);
  }

  /** The mean of the grades, or empty when there are none. */
  public OptionalDouble average() {
    if (grades.isEmpty()) {
      return OptionalDouble.empty();
    }
    long sum = 0;
    for (int grade : grades) {
      sum += grade;
    }
    return OptionalDouble.of((double) sum / grades.size());
  }

  /**
   * The student's information in one line, e.g. {@code "Zoë, 20 years, [90, 85], average 87.50"},
   * or {@code "Zoë, 20 years, no grades"}.
   */
  public String info() {
    OptionalDouble average = average();
    String result =
        average.isPresent()
            ? grades + ", average " + twoDecimals(average.getAsDouble())
            : "no grades";
    return name + ", " + age + " years, " + result;
  }

  private static String twoDecimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static void checkGrade(Integer grade) {
    Objects.requireNonNull(grade, "grade");
    if (grade < MIN_GRADE || grade > MAX_GRADE) {
      throw new IllegalArgumentException(
          "grade must be between " + MIN_GRADE + " and " + MAX_GRADE + ": " + grade);
    }
  }

  /**
   * Prints the information of the student given as {@code <name> <age> [grade...]}.
   *
   * @throws IllegalArgumentException on too few arguments or an invalid value
   */
  public static void main(String... args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: junior.oop.7 <name> <age> [grade...]");
    }
    List<Integer> grades = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      grades.add(Args.toInt(args[i]));
    }
    System.out.println(new Student(args[0], Args.toInt(args[1]), grades).info());
  }
}
