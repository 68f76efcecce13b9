package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

class StudentTest {

  @Nested
  class Information {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = ';',
        value = {
          "90, 85; Zoë, 20 years, [90, 85], average 87.50",
          "100; Zoë, 20 years, [100], average 100.00",
          "0, 0, 1; Zoë, 20 years, [0, 0, 1], average 0.33",
          "70, 80, 80; Zoë, 20 years, [70, 80, 80], average 76.67",
          "1, 2; Zoë, 20 years, [1, 2], average 1.50"
        })
    void showsNameAgeGradesAndAverage(String grades, String expected) {
      List<Integer> list =
          Arrays.stream(grades.split(",")).map(s -> Integer.valueOf(s.strip())).toList();

      assertThat(new Student("Zoë", 20, list).info()).isEqualTo(expected);
    }

    @Test
    void saysWhenThereAreNoGrades() {
      assertThat(new Student(" 李雷 ", 19).info()).isEqualTo("李雷, 19 years, no grades");
    }
  }

  @Nested
  class Average {

    @Test
    void isEmptyWithoutGrades() {
      assertThat(new Student("Ana", 18).average()).isEmpty();
    }

    @Test
    void isTheMeanOfTheGrades() {
      assertThat(new Student("Ana", 18, List.of(90, 85)).average()).hasValue(87.5);
      assertThat(new Student("Ana", 18, List.of(1, 2, 2)).average()).hasValue(5.0 / 3);
      assertThat(new Student("Ana", 18, List.of(0)).average()).hasValue(0.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.oop.StudentTest#seeds")
    void agreesWithIntStreamAverage(long seed) {
      var random = new SplittableRandom(seed);
      List<Integer> grades = new ArrayList<>();
      int count = random.nextInt(30);
      for (int i = 0; i < count; i++) {
        grades.add(random.nextInt(Student.MIN_GRADE, Student.MAX_GRADE + 1));
      }

      Student student = new Student("Ana", 18, grades);

      assertThat(student.average())
          .isEqualTo(grades.stream().mapToInt(Integer::intValue).average());
    }
  }

  @Nested
  class Immutability {

    @Test
    void copiesTheGradesItIsGiven() {
      List<Integer> grades = new ArrayList<>(List.of(80));
      Student student = new Student("Ana", 18, grades);

      grades.add(10);

      assertThat(student.grades()).containsExactly(80);
      assertThatThrownBy(() -> student.grades().add(1))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withGradeReturnsANewStudent() {
      Student before = new Student("Ana", 18, List.of(80));

      Student after = before.withGrade(90);

      assertThat(after.grades()).containsExactly(80, 90);
      assertThat(after.name()).isEqualTo("Ana");
      assertThat(after.age()).isEqualTo(18);
      assertThat(before.grades()).containsExactly(80);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> before.withGrade(101))
          .withMessage("grade must be between 0 and 100: 101");
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "age {0}")
    @ValueSource(ints = {-1, 151, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void rejectsAgesOutOfRange(int age) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Student("Ana", age))
          .withMessage("age must be between 0 and 150: " + age);
    }

    @Test
    void acceptsTheBoundaryAges() {
      assertThat(new Student("Ana", 0).age()).isZero();
      assertThat(new Student("Ana", 150).age()).isEqualTo(150);
    }

    @ParameterizedTest(name = "grade {0}")
    @ValueSource(ints = {-1, 101, Integer.MIN_VALUE})
    void rejectsGradesOutOfRange(int grade) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Student("Ana", 18, List.of(50, grade)))
          .withMessage("grade must be between 0 and 100: " + grade);
    }

    @Test
    void acceptsTheBoundaryGrades() {
      assertThat(new Student("Ana", 18, List.of(0, 100)).grades()).containsExactly(0, 100);
    }

    @Test
    void rejectsNullsAndBlankNames() {
      assertThatNullPointerException().isThrownBy(() -> new Student(null, 18)).withMessage("name");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Student(" ", 18))
          .withMessage("name must not be blank");
      assertThatNullPointerException()
          .isThrownBy(() -> new Student("Ana", 18, null))
          .withMessage("grades");
      assertThatNullPointerException()
          .isThrownBy(() -> new Student("Ana", 18, Arrays.asList(90, null)))
          .withMessage("grade");
    }
  }

  @Test
  void isAValue() {
    Student ana = new Student("Ana", 18, List.of(90));

    assertThat(ana).isEqualTo(new Student("Ana ", 18, new ArrayList<>(List.of(90))));
    assertThat(ana).hasSameHashCodeAs(new Student("Ana", 18, List.of(90)));
    assertThat(ana).isNotEqualTo(new Student("Ana", 18, List.of(91)));
    assertThat(ana).isNotEqualTo(new Student("Ana", 19, List.of(90)));
    assertThat(ana).hasToString("Student[name=Ana, age=18, grades=[90]]");
  }

  @Nested
  class Main {

    @Test
    void printsTheInfo() throws Exception {
      var printed = StdStreams.capture(() -> Student.main("Zoë", "20", "90", " 85"));

      assertThat(printed.out())
          .isEqualTo("Zoë, 20 years, [90, 85], average 87.50" + System.lineSeparator());
    }

    @Test
    void printsAStudentWithoutGrades() throws Exception {
      var printed = StdStreams.capture(() -> Student.main("Zoë", "20"));

      assertThat(printed.out().strip()).isEqualTo("Zoë, 20 years, no grades");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Student.main("Zoë"))
          .withMessage("usage: junior.oop.7 <name> <age> [grade...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Student.main("Zoë", "twenty"))
          .withMessage("not an int: 'twenty'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Student.main("Zoë", "20", "A+"))
          .withMessage("not an int: 'A+'");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
