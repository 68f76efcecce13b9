package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashSet;
import java.util.Set;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CarTest {

  @Nested
  class Describe {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
        delimiter = ';',
        value = {
          "Toyota; Corolla; 2020; 2020 Toyota Corolla",
          "Benz; Patent-Motorwagen; 1886; 1886 Benz Patent-Motorwagen",
          "Škoda; Octavia; 9999; 9999 Škoda Octavia",
          "トヨタ; カローラ; 1966; 1966 トヨタ カローラ",
          "'  Land Rover '; ' Defender 110'; 1990; 1990 Land Rover Defender 110"
        })
    void describesTheCarInOneLine(String make, String model, int year, String expected) {
      assertThat(new Car(make, model, year).describe()).isEqualTo(expected);
    }

    @Test
    void stripsMakeAndModel() {
      Car car = new Car(" Fiat\t", "\u2003500 ", 2007);

      assertThat(car.make()).isEqualTo("Fiat");
      assertThat(car.model()).isEqualTo("500");
      assertThat(car.year()).isEqualTo(2007);
      assertThat(car).hasToString("Car[make=Fiat, model=500, year=2007]");
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "year {0}")
    @ValueSource(ints = {1885, 0, -1, 10_000, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsYearsOutOfRange(int year) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Car("Ford", "T", year))
          .withMessage("year must be between 1886 and 9999: " + year);
    }

    @Test
    void acceptsTheBoundaryYears() {
      assertThat(new Car("Benz", "Motorwagen", Car.FIRST_YEAR).year()).isEqualTo(1886);
      assertThat(new Car("Future", "X", Car.LAST_YEAR).year()).isEqualTo(9999);
    }

    @ParameterizedTest(name = "make \"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n", "\u2003"})
    void rejectsBlankMakeAndModel(String blank) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Car(blank, "T", 1908))
          .withMessage("make must not be blank");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Car("Ford", blank, 1908))
          .withMessage("model must not be blank");
    }

    @Test
    void rejectsNullMakeAndModel() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Car(null, "T", 1908))
          .withMessage("make");
      assertThatNullPointerException()
          .isThrownBy(() -> new Car("Ford", null, 1908))
          .withMessage("model");
    }
  }

  @Nested
  class Equality {

    @Test
    void carsWithTheSameFieldsAreEqualAndHashAlike() {
      Car a = new Car("Volvo", "240", 1985);
      Car b = new Car(" Volvo ", "240", 1985);

      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(b).isEqualTo(a);
      assertThat(Set.of(a)).contains(b);
    }

    @Test
    void anyDifferentFieldMakesADifferentCar() {
      Car car = new Car("Volvo", "240", 1985);

      assertThat(car)
          .isNotEqualTo(new Car("Saab", "240", 1985))
          .isNotEqualTo(new Car("Volvo", "740", 1985))
          .isNotEqualTo(new Car("Volvo", "240", 1986))
          .isNotEqualTo(new Car("volvo", "240", 1985));
      assertThat(new HashSet<>(Set.of(car, new Car("Volvo", "240", 1986)))).hasSize(2);
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheDescription() throws Exception {
      var printed = StdStreams.capture(() -> Car.main("Citroën", "2CV", "1948"));

      assertThat(printed.out()).isEqualTo("1948 Citroën 2CV" + System.lineSeparator());
    }

    @Test
    void rejectsWrongUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Car.main("Ford", "T"))
          .withMessage("usage: junior.oop.1 <make> <model> <year>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Car.main("Ford", "T", "1908", "extra"))
          .withMessageStartingWith("usage:");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Car.main("Ford", "T", "old"))
          .withMessage("not an int: 'old'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Car.main("Ford", "T", "1800"))
          .withMessage("year must be between 1886 and 9999: 1800");
    }
  }
}
