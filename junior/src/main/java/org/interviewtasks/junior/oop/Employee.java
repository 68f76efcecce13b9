package org.interviewtasks.junior.oop;

import java.math.BigDecimal;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * An employee with a name, a salary and a department, with methods to update them and to give the
 * employee's details.
 *
 * <p><b>Approach.</b> A {@code record}, immutable: "updating" returns a new {@code Employee} with
 * one field changed ({@link #withSalary}, {@link #withDepartment}, {@link #withRaise}), the way
 * {@code java.time} does it. An immutable object can be shared between threads and kept in a set
 * without surprises, and the old value is still there for an audit trail. The salary is {@link
 * BigDecimal} with two decimals; the compact constructor normalizes the scale, so {@code 5000},
 * {@code 5000.0} and {@code 5000.00} make equal employees ({@code BigDecimal.equals} alone would
 * tell them apart).
 *
 * <p>A raise by a percentage is {@code salary × (100 + percent) / 100}: exact in {@code
 * BigDecimal}, then rounded once to cents with {@link java.math.RoundingMode#HALF_EVEN} (banker's
 * rounding: a half cent goes to the even cent, so rounding errors cancel out over a payroll rather
 * than all going up). A 5% raise of 10.10 is 10.605, which becomes 10.60.
 *
 * <p><b>Edge cases.</b> Name and department are stripped and must not be blank. A salary must not
 * be negative and must not have fractions of a cent (rejected, not rounded: it is the caller's
 * mistake). A negative percentage is a pay cut, down to -100% (a salary of 0); below that the
 * salary would turn negative and is rejected. A 0% raise returns an equal employee.
 *
 * <p><b>Follow-up.</b> <i>"Two employees with the same name?"</i> Real systems give each one an id
 * and compare by it; this record compares all fields, as a value. <i>"Mutable with setters
 * instead?"</i> Then a raise made through one reference changes the employee under every other
 * holder, and a salary validated once can be set to anything later.
 *
 * @param name the employee's name
 * @param salary the salary, not negative, two decimals
 * @param department the department, e.g. {@code "Engineering"}
 */
@Task(id = "junior.oop.10", title = "Employee class")
public record Employee(String name, BigDecimal salary, String department) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * Validates and normalizes the fields.
   *
   * @throws IllegalArgumentException if a text is blank, or the salary is negative or has more than
   *     two decimals
   */
  public Employee {
    name = Checks.text(name, "name");
    salary = Checks.money(salary, "salary");
    department = Checks.text(department, "department");
  }

  /**
   * This employee with another salary.
   *
   * @throws IllegalArgumentException if the salary is negative or has more than two decimals
   */
  public Employee withSalary(BigDecimal newSalary) {
    return new Employee(name, newSalary, department);
  }

  /**
   * This employee in another department.
   *
   * @throws IllegalArgumentException if the department is blank
   */
  public Employee withDepartment(String newDepartment) {
    return new Employee(name, salary, newDepartment);
  }

  /**
   * This employee with the salary raised by {@code percent} percent (negative for a cut), rounded
   * to the cent half-even.
   *
   * @throws IllegalArgumentException if the percentage is below -100
   */
  public Employee withRaise(BigDecimal percent) {
    Objects.requireNonNull(percent, "percent");
    BigDecimal factor = HUNDRED.add(percent);
    if (factor.signum() < 0) {
      throw new IllegalArgumentException(
          "a raise below -100% would make the salary negative: " + percent.toPlainString() + "%");
    }
    BigDecimal raised = salary.multiply(factor).movePointLeft(2); // exact: divides by 100
    return withSalary(raised.setScale(Checks.CENTS, Checks.ROUNDING));
  }

  /** The employee's details in one line, e.g. {@code "Ana Lima, Engineering, salary 5000.00"}. */
  public String details() {
    return name + ", " + department + ", salary " + salary.toPlainString();
  }

  /**
   * Prints the details of the employee given as {@code <name> <salary> <department>}, and, with a
   * fourth argument, the details after a raise by that percentage.
   *
   * @throws IllegalArgumentException on a wrong number of arguments or invalid values
   */
  public static void main(String... args) {
    if (args.length != 3 && args.length != 4) {
      throw new IllegalArgumentException(
          "usage: junior.oop.10 <name> <salary> <department> [raise percent]");
    }
    Employee employee = new Employee(args[0], Args.toBigDecimal(args[1]), args[2]);
    System.out.println(employee.details());
    if (args.length == 4) {
      System.out.println(employee.withRaise(Args.toBigDecimal(args[3])).details());
    }
  }
}
