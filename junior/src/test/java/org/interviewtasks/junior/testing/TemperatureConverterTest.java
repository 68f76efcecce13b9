package org.interviewtasks.junior.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.testing.TemperatureConverter.Scale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deliverable of junior.testing.1: unit tests that read as a specification.
 *
 * <p>How they are built: one {@code @Nested} class per behaviour, method names that state the
 * behaviour (shown as sentences with {@code @DisplayName} where it helps), tables of known values
 * ({@code @CsvSource}) instead of copy-pasted tests, every scale through {@code @EnumSource}, the
 * boundaries on both sides (absolute zero is accepted, the next smaller double is not), every error
 * with its exact message, and a property that must hold for any input (converting there and back
 * gives the input) checked on seeded random values, the seed in the test's name.
 *
 * <p>Floating point: a conversion is compared with a tolerance ({@code within}), because {@code 0.1
 * * 9 / 5} is not exactly {@code 0.18}; exact equality is asserted only where the arithmetic is
 * exact, such as 100 °C to 212 °F.
 */
@DisplayName("TemperatureConverter")
class TemperatureConverterTest {

  private static final double TOLERANCE = 1e-9;

  @Nested
  @DisplayName("converts the well-known fixed points")
  class FixedPoints {

    @ParameterizedTest(name = "{0} °C = {1} °F = {2} K")
    @CsvSource(
        textBlock =
            """
            # Celsius, Fahrenheit, Kelvin
            -273.15,   -459.67,    0
            -40,       -40,        233.15
            0,         32,         273.15
            37,        98.6,       310.15
            100,       212,        373.15
            -17.7777777777777777, 0, 255.3722222222222222
            """)
    void betweenEveryPairOfScales(double celsius, double fahrenheit, double kelvin) {
      double[] values = {celsius, fahrenheit, kelvin};
      Scale[] scales = {Scale.CELSIUS, Scale.FAHRENHEIT, Scale.KELVIN};
      for (int from = 0; from < 3; from++) {
        for (int to = 0; to < 3; to++) {
          assertThat(TemperatureConverter.convert(values[from], scales[from], scales[to]))
              .as("%s %s in %s", values[from], scales[from], scales[to])
              .isCloseTo(values[to], within(TOLERANCE));
        }
      }
    }

    @Test
    @DisplayName("100 °C is exactly 212 °F, and back")
    void exactWhereTheArithmeticIsExact() {
      // Plain JUnit assertions work too; AssertJ reads better for anything longer.
      assertEquals(212.0, TemperatureConverter.celsiusToFahrenheit(100));
      assertEquals(100.0, TemperatureConverter.fahrenheitToCelsius(212));
      assertEquals(32.0, TemperatureConverter.celsiusToFahrenheit(0));
      assertEquals(-40.0, TemperatureConverter.fahrenheitToCelsius(-40));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Scale.class)
    @DisplayName("leaves a temperature unchanged when both scales are the same")
    void identity(Scale scale) {
      double value = 0.1 + scale.absoluteZero() + 1000;

      assertThat(TemperatureConverter.convert(value, scale, scale)).isEqualTo(value);
    }
  }

  @Nested
  @DisplayName("at absolute zero")
  class AbsoluteZero {

    @ParameterizedTest(name = "from {0}")
    @EnumSource(Scale.class)
    @DisplayName("converts absolute zero to absolute zero, never below")
    void convertsToAbsoluteZero(Scale from) {
      for (Scale to : Scale.values()) {
        double result = TemperatureConverter.convert(from.absoluteZero(), from, to);

        assertThat(result).isCloseTo(to.absoluteZero(), within(TOLERANCE));
        assertThat(result).isGreaterThanOrEqualTo(to.absoluteZero());
      }
    }

    @Test
    @DisplayName("-459.67 °F is exactly 0 K and -273.15 °C")
    void exactAtAbsoluteZero() {
      assertThat(TemperatureConverter.convert(-459.67, Scale.FAHRENHEIT, Scale.KELVIN)).isZero();
      assertThat(TemperatureConverter.convert(-459.67, Scale.FAHRENHEIT, Scale.CELSIUS))
          .isEqualTo(-273.15);
      assertThat(TemperatureConverter.convert(0, Scale.KELVIN, Scale.CELSIUS)).isEqualTo(-273.15);
    }

    @ParameterizedTest(name = "from {0}")
    @EnumSource(Scale.class)
    @DisplayName("never rounds a result below absolute zero, so it converts back")
    void neverRoundsBelow(Scale from) {
      double value = from.absoluteZero();
      for (int ulps = 0; ulps < 10_000; ulps++, value = Math.nextUp(value)) {
        for (Scale to : Scale.values()) {
          assertThat(TemperatureConverter.convert(value, from, to))
              .as("%s %s in %s", value, from, to)
              .isGreaterThanOrEqualTo(to.absoluteZero());
        }
      }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Scale.class)
    @DisplayName("rejects the first double below absolute zero, naming value and limit")
    void rejectsJustBelow(Scale scale) {
      double below = Math.nextDown(scale.absoluteZero());

      // assertThrows (JUnit) returns the exception for further checks ...
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> TemperatureConverter.convert(below, scale, Scale.KELVIN));
      assertEquals(
          below
              + " "
              + scale.symbol()
              + " is below absolute zero ("
              + scale.absoluteZero()
              + " "
              + scale.symbol()
              + ")",
          e.getMessage());
    }

    @Test
    @DisplayName("rejects -300 °C with a readable message")
    void rejectsFarBelow() {
      // ... AssertJ checks type and message in one chain.
      assertThatThrownBy(() -> TemperatureConverter.convert(-300, Scale.CELSIUS, Scale.KELVIN))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("-300.0 °C is below absolute zero (-273.15 °C)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.fahrenheitToCelsius(-500))
          .withMessage("-500.0 °F is below absolute zero (-459.67 °F)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.convert(-1, Scale.KELVIN, Scale.KELVIN))
          .withMessage("-1.0 K is below absolute zero (0.0 K)");
    }
  }

  @Nested
  @DisplayName("rejects what is not a temperature")
  class InvalidInput {

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nanAndInfinities(double value) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.celsiusToFahrenheit(value))
          .withMessage("temperature must be a finite number: " + value);
    }

    @Test
    void nullScales() {
      assertThatNullPointerException()
          .isThrownBy(() -> TemperatureConverter.convert(0, null, Scale.KELVIN))
          .withMessage("from");
      assertThatNullPointerException()
          .isThrownBy(() -> TemperatureConverter.convert(0, Scale.KELVIN, null))
          .withMessage("to");
    }

    @Test
    @DisplayName("accepts the hottest finite temperature")
    void largestFiniteValue() {
      assertThat(TemperatureConverter.convert(1e300, Scale.CELSIUS, Scale.FAHRENHEIT))
          .isCloseTo(1.8e300, within(1e286));
    }
  }

  @Nested
  @DisplayName("for any temperature")
  class Properties {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.testing.TemperatureConverterTest#seeds")
    @DisplayName("converting there and back gives the input, up to rounding")
    void roundTrip(long seed) {
      var random = new SplittableRandom(seed);
      Scale from = anyScale(random);
      Scale to = anyScale(random);
      double value = from.absoluteZero() + random.nextDouble(0, 10_000);

      double there = TemperatureConverter.convert(value, from, to);
      double back = TemperatureConverter.convert(there, to, from);

      assertThat(back).isCloseTo(value, within(TOLERANCE * Math.max(1, Math.abs(value))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.testing.TemperatureConverterTest#seeds")
    @DisplayName("a warmer input gives a warmer output")
    void monotonic(long seed) {
      var random = new SplittableRandom(seed);
      Scale from = anyScale(random);
      Scale to = anyScale(random);
      double colder = from.absoluteZero() + random.nextDouble(0, 1_000);
      double warmer = colder + random.nextDouble(1e-3, 1_000);

      assertThat(TemperatureConverter.convert(warmer, from, to))
          .isGreaterThan(TemperatureConverter.convert(colder, from, to));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.testing.TemperatureConverterTest#seeds")
    @DisplayName("one Celsius degree is one kelvin and 1.8 Fahrenheit degrees")
    void stepSizes(long seed) {
      double celsius = new SplittableRandom(seed).nextDouble(-273.15, 5_000);

      double kelvinStep =
          TemperatureConverter.convert(celsius + 1, Scale.CELSIUS, Scale.KELVIN)
              - TemperatureConverter.convert(celsius, Scale.CELSIUS, Scale.KELVIN);
      double fahrenheitStep =
          TemperatureConverter.celsiusToFahrenheit(celsius + 1)
              - TemperatureConverter.celsiusToFahrenheit(celsius);

      assertThat(kelvinStep).isCloseTo(1.0, within(TOLERANCE));
      assertThat(fahrenheitStep).isCloseTo(1.8, within(TOLERANCE));
    }
  }

  @Nested
  @DisplayName("parses scale names")
  class ScaleNames {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
      "C, CELSIUS",
      "c, CELSIUS",
      "°C, CELSIUS",
      "℃, CELSIUS",
      "Celsius, CELSIUS",
      "F, FAHRENHEIT",
      "°f, FAHRENHEIT",
      "℉, FAHRENHEIT",
      "FAHRENHEIT, FAHRENHEIT",
      "K, KELVIN",
      "k, KELVIN",
      "\u212a, KELVIN",
      "kelvin, KELVIN",
      "' c ', CELSIUS"
    })
    void lettersSymbolsAndNames(String text, Scale scale) {
      assertThat(Scale.parse(text)).isEqualTo(scale);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "°", "R", "Rankine", "cc", "kelvins"})
    void rejectsUnknownNames(String text) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Scale.parse(text))
          .withMessage("unknown scale: '" + text + "' (use C, F or K)");
    }

    @Test
    void rejectsNull() {
      assertThatNullPointerException().isThrownBy(() -> Scale.parse(null)).withMessage("scale");
    }

    @Test
    void knowsItsSymbols() {
      assertThat(Scale.values()).extracting(Scale::symbol).containsExactly("°C", "°F", "K");
    }
  }

  @Nested
  @DisplayName("main")
  class Main {

    @Test
    void printsTheConvertedValueWithItsUnit() throws Exception {
      var printed = StdStreams.capture(() -> TemperatureConverter.main("100", "C", "°F"));

      assertThat(printed.out()).isEqualTo("212.0 °F" + System.lineSeparator());
    }

    @Test
    void printsKelvinWithoutADegreeSign() throws Exception {
      var printed = StdStreams.capture(() -> TemperatureConverter.main("0", "celsius", "K"));

      assertThat(printed.out().strip()).isEqualTo("273.15 K");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.main("100", "C"))
          .withMessage("usage: junior.testing.1 <value> <from C|F|K> <to C|F|K>");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.main("hot", "C", "F"))
          .withMessage("not a number: 'hot'");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.main("1", "C", "X"))
          .withMessage("unknown scale: 'X' (use C, F or K)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.main("1", "Y", "C"))
          .withMessage("unknown scale: 'Y' (use C, F or K)");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> TemperatureConverter.main("-1", "K", "C"))
          .withMessage("-1.0 K is below absolute zero (0.0 K)");
    }
  }

  private static Scale anyScale(SplittableRandom random) {
    List<Scale> scales = List.of(Scale.values());
    return scales.get(random.nextInt(scales.size()));
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
