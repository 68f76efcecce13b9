package org.interviewtasks.junior.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.testing.AgeValidator.InvalidAgeException;
import org.interviewtasks.junior.testing.AgeValidator.InvalidAgeException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("AgeValidator")
class AgeValidatorTest {

  @Nested
  @DisplayName("accepts")
  class Valid {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"0, 0", "1, 1", "42, 42", "150, 150", "' 7 ', 7", "+18, 18", "007, 7", "٤٢, 42"})
    void wholeNumbersInRange(String text, int age) throws InvalidAgeException {
      assertThat(AgeValidator.parse(text)).isEqualTo(age);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {AgeValidator.MIN_AGE, 18, AgeValidator.MAX_AGE})
    void theBoundaries(int age) throws InvalidAgeException {
      assertThat(AgeValidator.validate(age)).isEqualTo(age);
    }
  }

  @Nested
  @DisplayName("throws InvalidAgeException with the input and the reason")
  class Invalid {

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "-1       | TOO_YOUNG    | age must be at least 0: -1",
          "151      | TOO_OLD      | age must be at most 150: 151",
          "2147483647 | TOO_OLD    | age must be at most 150: 2147483647",
          "-2147483648 | TOO_YOUNG | age must be at least 0: -2147483648",
          "abc      | NOT_A_NUMBER | age is not a whole number: 'abc'",
          "20.5     | NOT_A_NUMBER | age is not a whole number: '20.5'",
          "2147483648 | NOT_A_NUMBER | age is not a whole number: '2147483648'",
          "''       | NOT_A_NUMBER | age is not a whole number: ''",
          "' '      | NOT_A_NUMBER | age is not a whole number: ' '",
          "4 2      | NOT_A_NUMBER | age is not a whole number: '4 2'",
          "😀       | NOT_A_NUMBER | age is not a whole number: '😀'"
        })
    void forEachKindOfMistake(String text, Reason reason, String message) {
      InvalidAgeException e =
          catchThrowableOfType(InvalidAgeException.class, () -> AgeValidator.parse(text));

      assertThat(e).hasMessage(message);
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.input()).isEqualTo(reason == Reason.NOT_A_NUMBER ? text : text.strip());
    }

    @Test
    @DisplayName("keeps the NumberFormatException as its cause")
    void keepsTheCause() {
      assertThatExceptionOfType(InvalidAgeException.class)
          .isThrownBy(() -> AgeValidator.parse("ten"))
          .withCauseInstanceOf(NumberFormatException.class);
    }

    @Test
    @DisplayName("has no cause when the number is just out of range")
    void noCauseForRangeErrors() {
      // JUnit's assertThrows returns the exception, typed.
      InvalidAgeException e =
          assertThrows(InvalidAgeException.class, () -> AgeValidator.validate(-5));

      assertThat(e).hasNoCause().hasMessage("age must be at least 0: -5");
      assertThat(e.input()).isEqualTo("-5");
      assertThat(e.reason()).isEqualTo(Reason.TOO_YOUNG);
    }

    @Test
    @DisplayName("is a checked exception, so callers must handle it")
    void isChecked() {
      assertThat(Exception.class).isAssignableFrom(InvalidAgeException.class);
      assertThat(RuntimeException.class.isAssignableFrom(InvalidAgeException.class)).isFalse();
    }
  }

  @Nested
  @DisplayName("treats null as a bug, not as bad input")
  class Bugs {

    @Test
    void nullIsANullPointerException() {
      assertThatNullPointerException()
          .isThrownBy(() -> AgeValidator.parse(null))
          .withMessage("text");
    }
  }

  @Nested
  @DisplayName("check() handles the exception")
  class Handling {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "42   | valid age: 42",
          "0    | valid age: 0",
          "-3   | invalid age: age must be at least 0: -3",
          "200  | invalid age: age must be at most 150: 200",
          "old  | invalid age: age is not a whole number: 'old'"
        })
    void withASentenceForTheUser(String text, String verdict) {
      assertThat(AgeValidator.check(text)).isEqualTo(verdict);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.testing.AgeValidatorTest#seeds")
    void agreesWithTheRangeForAnyInt(long seed) {
      int age = new SplittableRandom(seed).nextInt(-300, 300);
      boolean valid = age >= 0 && age <= 150;

      assertThat(AgeValidator.check(Integer.toString(age)))
          .startsWith(valid ? "valid age: " + age : "invalid age: ");
    }
  }

  @Nested
  class Main {

    @Test
    void printsAVerdictPerArgument() throws Exception {
      var printed = StdStreams.capture(() -> AgeValidator.main("30", "-1", "x"));

      assertThat(printed.out().lines())
          .containsExactly(
              "valid age: 30",
              "invalid age: age must be at least 0: -1",
              "invalid age: age is not a whole number: 'x'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
