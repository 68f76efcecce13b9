package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.files.FilterCsv.Condition;
import org.interviewtasks.junior.files.FilterCsv.Operator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FilterCsvTest {

  private static final String PEOPLE =
      """
      name,age,city
      Ada,36,London
      "Hopper, Grace",85,"New York"
      Alan,41.0,Wilmslow
      Tim,9,London
      Kid,,London
      Linus,30,Helsinki
      """;

  @TempDir Path dir;

  @Nested
  class Conditions {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(
        delimiter = ';',
        value = {
          "age; >; 30; Ada|Hopper, Grace|Alan",
          "age; >=; 30; Ada|Hopper, Grace|Alan|Linus",
          "age; <; 30; Tim",
          "age; <=; 30; Tim|Linus",
          "age; =; 30.0; Linus",
          "age; =; 41; Alan",
          "age; !=; 36; Hopper, Grace|Alan|Tim|Linus",
          "age; >; 1e1; Ada|Hopper, Grace|Alan|Linus",
          "age; >; -1.5; Ada|Hopper, Grace|Alan|Tim|Linus",
          "city; =; London; Ada|Tim|Kid",
          "city; !=; London; Hopper, Grace|Alan|Linus",
          "city; <; M; Ada|Tim|Kid|Linus",
          "city; >=; New York; Hopper, Grace|Alan",
          "name; =; ada; ''",
          "age; >; 100; ''"
        })
    void keepsTheRowsThatMeetTheCondition(
        String column, String operator, String value, String names) throws IOException {
      var out = new StringBuilder();
      var condition = new Condition(column, Operator.of(operator), value);

      long printed = FilterCsv.filter(write(PEOPLE), condition, out);

      List<String> expected = names.isEmpty() ? List.of() : List.of(names.split("\\|", -1));
      List<Map<String, String>> rows = reread(out);
      assertThat(rows.stream().map(row -> row.get("name")).toList()).isEqualTo(expected);
      assertThat(printed).isEqualTo(expected.size());
    }

    @Test
    void printsValidCsvUnderTheSameHeaderWithQuotesWhereNeeded() throws IOException {
      var out = new StringBuilder();

      FilterCsv.filter(write(PEOPLE), new Condition("age", Operator.GREATER, "80"), out);

      assertThat(out).hasToString("name,age,city\r\n\"Hopper, Grace\",85,New York\r\n");
    }

    @Test
    void noMatchPrintsTheHeaderAlone() throws IOException {
      var out = new StringBuilder();

      assertThat(FilterCsv.filter(write(PEOPLE), new Condition("age", Operator.LESS, "0"), out))
          .isZero();

      assertThat(out).hasToString("name,age,city\r\n");
    }

    @Test
    void spacesAroundANumberAreIgnored() throws IOException {
      var out = new StringBuilder();

      FilterCsv.filter(write("n,x\na, 7 \nb,8\n"), new Condition("x", Operator.EQUAL, " 7"), out);

      assertThat(out).hasToString("n,x\r\na,\" 7 \"\r\n"); // quoted so the spaces survive
    }
  }

  @Nested
  class Predicates {

    @Test
    void anyPredicateOnTheRowWorks() throws IOException {
      var out = new StringBuilder();

      long printed =
          FilterCsv.filter(
              write(PEOPLE),
              row -> row.get("name").startsWith("A") && !row.get("age").isEmpty(),
              out);

      assertThat(printed).isEqualTo(2);
      assertThat(out).hasToString("name,age,city\r\nAda,36,London\r\nAlan,41.0,Wilmslow\r\n");
    }

    @Test
    void anEmptyFilePrintsNothing() throws IOException {
      var out = new StringBuilder();

      assertThat(FilterCsv.filter(write(""), row -> true, out)).isZero();

      assertThat(out).isEmpty();
    }

    @Test
    void anIllegalArgumentFromThePredicateNamesTheLine() throws IOException {
      Path csv = write(PEOPLE);

      assertThatThrownBy(
              () ->
                  FilterCsv.filter(
                      csv,
                      row -> {
                        if (row.get("name").equals("Alan")) {
                          throw new IllegalArgumentException("no Alans");
                        }
                        return true;
                      },
                      new StringBuilder()))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(csv + ", line 4: no Alans");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithFilteringTheAgesInMemory(long seed) throws IOException {
    var random = new SplittableRandom(seed);
    var text = new StringBuilder("id,age\n");
    List<Integer> ages = new ArrayList<>();
    for (int i = random.nextInt(30); i > 0; i--) {
      int age = random.nextInt(-5, 100);
      ages.add(age);
      text.append(ages.size()).append(',').append(age).append('\n');
    }
    int threshold = random.nextInt(100);
    List<Operator> operators = List.of(Operator.values());
    Operator operator = operators.get(random.nextInt(operators.size()));
    var out = new StringBuilder();

    FilterCsv.filter(write(text.toString()), new Condition("age", operator, "" + threshold), out);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < ages.size(); i++) {
      if (operator.holdsFor(Integer.compare(ages.get(i), threshold))) {
        expected.add(String.valueOf(i + 1));
      }
    }
    assertThat(reread(out).stream().map(row -> row.get("id")).toList()).isEqualTo(expected);
  }

  @Nested
  class Errors {

    @Test
    void aColumnMissingFromTheHeaderIsNamedWithTheColumnsThereAre() throws IOException {
      Path csv = write(PEOPLE);
      var out = new StringBuilder();

      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> FilterCsv.filter(csv, new Condition("agee", Operator.GREATER, "1"), out))
          .withMessage("no column 'agee' in " + csv + "; it has [name, age, city]");
      assertThat(out).isEmpty();
    }

    @Test
    void aValueThatIsNotANumberInANumericComparisonNamesItsLine() throws IOException {
      Path csv = write("name,age\nAda,36\nBob,n/a\n");

      assertThatThrownBy(
              () ->
                  FilterCsv.filter(
                      csv, new Condition("age", Operator.GREATER, "30"), new StringBuilder()))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(csv + ", line 3: age is 'n/a', not a number to compare with 30");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsMalformed() throws IOException {
      Path csv = write("name,age\nAda\n");

      assertThatThrownBy(() -> FilterCsv.filter(csv, row -> true, new StringBuilder()))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(csv + ", line 2: 1 fields, but the header has 2 columns");
    }

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.csv");

      assertThatThrownBy(() -> FilterCsv.filter(missing, row -> true, new StringBuilder()))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
    }

    @Test
    void rejectsNulls() throws IOException {
      Path csv = write(PEOPLE);
      var condition = new Condition("age", Operator.EQUAL, "1");

      assertThatNullPointerException()
          .isThrownBy(() -> FilterCsv.filter(null, condition, new StringBuilder()))
          .withMessage("csv");
      assertThatNullPointerException()
          .isThrownBy(() -> FilterCsv.filter(csv, (Condition) null, new StringBuilder()))
          .withMessage("condition");
      assertThatNullPointerException()
          .isThrownBy(() -> FilterCsv.filter(csv, condition, null))
          .withMessage("out");
      assertThatNullPointerException()
          .isThrownBy(
              () ->
                  FilterCsv.filter(
                      csv,
                      (java.util.function.Predicate<Map<String, String>>) null,
                      new StringBuilder()))
          .withMessage("keep");
      assertThatNullPointerException()
          .isThrownBy(() -> new Condition(null, Operator.EQUAL, "1"))
          .withMessage("column");
      assertThatNullPointerException()
          .isThrownBy(() -> new Condition("a", null, "1"))
          .withMessage("operator");
      assertThatNullPointerException()
          .isThrownBy(() -> new Condition("a", Operator.EQUAL, null))
          .withMessage("value");
    }
  }

  @Nested
  class TheCondition {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Operator.class)
    void eachOperatorIsFoundByItsSymbol(Operator operator) {
      assertThat(Operator.of(operator.symbol())).isSameAs(operator);
    }

    @Test
    void theSymbolsAreTheUsualOnes() {
      assertThat(List.of(Operator.values()).stream().map(Operator::symbol))
          .containsExactly("=", "!=", "<", "<=", ">", ">=");
    }

    @ParameterizedTest(name = "{0}: -1 {1}, 0 {2}, 1 {3}")
    @CsvSource({
      "EQUAL, false, true, false",
      "NOT_EQUAL, true, false, true",
      "LESS, true, false, false",
      "LESS_OR_EQUAL, true, true, false",
      "GREATER, false, false, true",
      "GREATER_OR_EQUAL, false, true, true"
    })
    void holdsForTheRightComparisons(Operator operator, boolean less, boolean equal, boolean more) {
      assertThat(operator.holdsFor(-7)).isEqualTo(less);
      assertThat(operator.holdsFor(0)).isEqualTo(equal);
      assertThat(operator.holdsFor(7)).isEqualTo(more);
    }

    @Test
    void anUnknownSymbolIsRefused() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Operator.of("=="))
          .withMessage("not an operator: '=='; use = != < <= > >=");
      assertThatNullPointerException().isThrownBy(() -> Operator.of(null)).withMessage("symbol");
    }

    @Test
    void testsARowAndReadsLikeItsSource() {
      var condition = new Condition("age", Operator.GREATER_OR_EQUAL, "18");

      assertThat(condition.test(Map.of("age", "18"))).isTrue();
      assertThat(condition.test(Map.of("age", "17.99"))).isFalse();
      assertThat(condition.test(Map.of("age", ""))).isFalse();
      assertThat(condition).hasToString("age >= 18");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> condition.test(Map.of("name", "x")))
          .withMessage("no column 'age' in [name]");
    }
  }

  @Nested
  class Main {

    @Test
    void printsTheMatchingRowsAsCsv() throws Exception {
      Path csv = write(PEOPLE);

      var printed = StdStreams.capture(() -> FilterCsv.main(csv.toString(), "city", "=", "London"));

      assertThat(printed.out())
          .isEqualTo("name,age,city\r\nAda,36,London\r\nTim,9,London\r\nKid,,London\r\n");
    }

    @Test
    void rejectsBadArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FilterCsv.main("f.csv", "age", ">"))
          .withMessage(
              "usage: junior.files.15 <file.csv> <column> <operator: = != < <= > >=> <value>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FilterCsv.main("f.csv", "age", "=>", "3"))
          .withMessage("not an operator: '=>'; use = != < <= > >=");
    }
  }

  /** Reads the printed CSV back, as a check that it is valid CSV. */
  private List<Map<String, String>> reread(CharSequence printed) throws IOException {
    return List.copyOf(CsvToListOfMaps.read(write(printed.toString())));
  }

  private Path write(String text) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "table", ".csv"), text);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
