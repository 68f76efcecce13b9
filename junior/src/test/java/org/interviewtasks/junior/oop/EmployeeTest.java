package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmployeeTest {

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static Employee ana(String salary) {
    return new Employee("Ana Lima", money(salary), "Engineering");
  }

  @Nested
  class Details {

    @Test
    void showNameDepartmentAndSalaryInCents() {
      assertThat(ana("5000").details()).isEqualTo("Ana Lima, Engineering, salary 5000.00");
      assertThat(new Employee(" Søren ", money("0.5"), " R&D ").details())
          .isEqualTo("Søren, R&D, salary 0.50");
    }

    @Test
    void normalizeTheSalaryScaleSoEqualAmountsMakeEqualEmployees() {
      Employee a = ana("5000");
      Employee b = ana("5000.000");

      assertThat(a.salary()).isEqualTo(money("5000.00"));
      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(Set.of(a)).contains(b);
      assertThat(a).hasToString("Employee[name=Ana Lima, salary=5000.00, department=Engineering]");
    }
  }

  @Nested
  class Updates {

    @Test
    void returnANewEmployeeAndLeaveTheOldOne() {
      Employee before = ana("5000");

      Employee paid = before.withSalary(money("5200.5"));
      Employee moved = before.withDepartment(" Sales ");

      assertThat(paid).isEqualTo(new Employee("Ana Lima", money("5200.50"), "Engineering"));
      assertThat(moved).isEqualTo(new Employee("Ana Lima", money("5000.00"), "Sales"));
      assertThat(before).isEqualTo(ana("5000.00"));
    }

    @Test
    void validateLikeTheConstructor() {
      Employee employee = ana("5000");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> employee.withSalary(money("-1")))
          .withMessage("salary must not be negative: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> employee.withSalary(money("1.001")))
          .withMessage("salary has more than 2 decimals: 1.001");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> employee.withDepartment(""))
          .withMessage("department must not be blank");
    }
  }

  @Nested
  class Raises {

    @ParameterizedTest(name = "{0} + {1}% = {2}")
    @CsvSource({
      "5000.00, 10, 5500.00",
      "10.10, 5, 10.60",
      "10.30, 5, 10.82",
      "0.10, 5, 0.10",
      "0.30, 5, 0.32",
      "1000, 2.5, 1025.00",
      "1000.05, 3, 1030.05",
      "3333.33, 33.333, 4444.43",
      "1234.56, -12.5, 1080.24",
      "100, -50, 50.00",
      "100, -100, 0.00",
      "99.99, 0, 99.99",
      "0, 50, 0.00"
    })
    void roundOnceToTheCentHalfEven(String salary, String percent, String raised) {
      Employee employee = ana(salary).withRaise(money(percent));

      assertThat(employee.salary()).isEqualTo(money(raised));
      assertThat(employee.name()).isEqualTo("Ana Lima");
      assertThat(employee.department()).isEqualTo("Engineering");
    }

    @ParameterizedTest(name = "{0}%")
    @ValueSource(strings = {"-100.01", "-101", "-1000"})
    void belowMinusHundredPercentAreRejected(String percent) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ana("100").withRaise(money(percent)))
          .withMessage("a raise below -100% would make the salary negative: " + percent + "%");
    }

    @Test
    void needAPercentage() {
      assertThatNullPointerException()
          .isThrownBy(() -> ana("100").withRaise(null))
          .withMessage("percent");
    }

    /**
     * Random salaries and percentages with two decimals against an oracle in whole cents: the exact
     * result is {@code cents × (10000 + basisPoints) / 10000}, rounded half-even by hand.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.oop.EmployeeTest#seeds")
    void agreeWithHalfEvenRoundingInCents(long seed) {
      var random = new SplittableRandom(seed);
      long cents = random.nextLong(0, 100_000_000);
      long basisPoints = random.nextLong(-10_000, 50_000); // -100.00% .. 499.99%
      long numerator = cents * (10_000 + basisPoints);
      long quotient = Math.floorDiv(numerator, 10_000L);
      long twiceRemainder = 2 * Math.floorMod(numerator, 10_000L);
      long expected =
          twiceRemainder > 10_000 || (twiceRemainder == 10_000 && quotient % 2 != 0)
              ? quotient + 1
              : quotient;

      Employee raised =
          new Employee("Ana", BigDecimal.valueOf(cents, 2), "Ops")
              .withRaise(BigDecimal.valueOf(basisPoints, 2));

      assertThat(raised.salary()).isEqualTo(BigDecimal.valueOf(expected, 2));
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsBlankTexts() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Employee(" ", money("1"), "Ops"))
          .withMessage("name must not be blank");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Employee("Ana", money("1"), "\t"))
          .withMessage("department must not be blank");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Employee(null, money("1"), "Ops"))
          .withMessage("name");
      assertThatNullPointerException()
          .isThrownBy(() -> new Employee("Ana", null, "Ops"))
          .withMessage("salary");
      assertThatNullPointerException()
          .isThrownBy(() -> new Employee("Ana", money("1"), null))
          .withMessage("department");
    }

    @Test
    void acceptsAZeroSalary() {
      assertThat(new Employee("Ana", money("0"), "Ops").salary()).isEqualTo(money("0.00"));
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheDetails() throws Exception {
      var printed = StdStreams.capture(() -> Employee.main("Ana", "5000", "Engineering"));

      assertThat(printed.out().lines()).containsExactly("Ana, Engineering, salary 5000.00");
    }

    @Test
    void printsTheDetailsBeforeAndAfterARaise() throws Exception {
      var printed = StdStreams.capture(() -> Employee.main("Ana", "10.10", "Ops", "5"));

      assertThat(printed.out().lines())
          .containsExactly("Ana, Ops, salary 10.10", "Ana, Ops, salary 10.60");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Employee.main("Ana", "5000"))
          .withMessage("usage: junior.oop.10 <name> <salary> <department> [raise percent]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Employee.main("Ana", "5000", "Ops", "5", "extra"))
          .withMessageStartingWith("usage: junior.oop.10 ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Employee.main("Ana", "lots", "Ops"))
          .withMessage("not a number: 'lots'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
