package org.interviewtasks.junior.testing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Converts temperatures between Celsius, Fahrenheit and Kelvin; the task is the unit tests that go
 * with it ({@code TemperatureConverterTest}), so the code is small and the tests show the craft:
 * descriptive names, tables of cases, boundaries, exceptions and a round-trip property.
 *
 * <p><b>Approach.</b> Each {@link Scale} knows how to go to and from Celsius, so any conversion is
 * two steps through Celsius and n scales need 2n formulas instead of n² (adding Rankine would be
 * one more constant). Celsius is the hub, rather than Kelvin, because the everyday values (0, 100,
 * 37) are whole numbers there: {@code 100 °C} gives exactly {@code 212 °F}, with no {@code 273.15}
 * rounding in between. O(1).
 *
 * <p><b>Edge cases.</b> A temperature below absolute zero does not exist and is rejected with a
 * message naming the value and the limit; absolute zero itself is fine. Could rounding push a
 * result just below the target's absolute zero, so that converting it back fails? Not with these
 * constants: the tests check the doubles just above each absolute zero. NaN and infinities are
 * rejected. Results are {@code double}s: a conversion and its inverse agree up to rounding (about
 * 1e-12 for everyday values), not always exactly, so tests compare with a tolerance. Scale names
 * accept the Unicode symbols too: {@code ℃}, {@code ℉} and the Kelvin sign {@code K} (U+212A) are
 * normalized (NFKC) to {@code °C}, {@code °F} and {@code K}.
 *
 * <p><b>Follow-up.</b> <i>"How do you test floating-point results?"</i> With a tolerance relative
 * to the magnitude ({@code isCloseTo(x, within(...))}), and exact equality only where the
 * arithmetic is exact. <i>"How do you know the tests are good?"</i> Mutation testing (PIT) changes
 * the code, a {@code +} into a {@code -}, a {@code <} into a {@code <=}, and checks that some test
 * fails.
 */
@Task(id = "junior.testing.1", title = "Unit tests for a temperature converter")
public final class TemperatureConverter {

  /** A temperature scale, with its absolute zero and its formulas to and from Celsius. */
  public enum Scale {
    /** Degrees Celsius: water freezes at 0 and boils at 100. */
    CELSIUS("°C", -273.15) {
      @Override
      double toCelsius(double value) {
        return value;
      }

      @Override
      double fromCelsius(double celsius) {
        return celsius;
      }
    },
    /** Degrees Fahrenheit: water freezes at 32 and boils at 212. */
    FAHRENHEIT("°F", -459.67) {
      @Override
      double toCelsius(double value) {
        return (value - 32) * 5 / 9;
      }

      @Override
      double fromCelsius(double celsius) {
        return celsius * 9 / 5 + 32;
      }
    },
    /** Kelvin: zero at absolute zero, steps of one Celsius degree. */
    KELVIN("K", 0) {
      @Override
      double toCelsius(double value) {
        return value - 273.15;
      }

      @Override
      double fromCelsius(double celsius) {
        return celsius + 273.15;
      }
    };

    private final String symbol;
    private final double absoluteZero;

    Scale(String symbol, double absoluteZero) {
      this.symbol = symbol;
      this.absoluteZero = absoluteZero;
    }

    /** The unit symbol: {@code °C}, {@code °F} or {@code K}. */
    public String symbol() {
      return symbol;
    }

    /** The lowest temperature there is, in this scale. */
    public double absoluteZero() {
      return absoluteZero;
    }

    abstract double toCelsius(double value);

    abstract double fromCelsius(double celsius);

    /**
     * The scale named by a letter, a symbol or a name, in any case: {@code c}, {@code °C}, {@code
     * ℃}, {@code celsius}, {@code F}, {@code ℉}, {@code Kelvin}, {@code K} (the Kelvin sign).
     *
     * @throws IllegalArgumentException if the text names no scale
     */
    public static Scale parse(String text) {
      String name =
          Normalizer.normalize(Objects.requireNonNull(text, "scale"), Normalizer.Form.NFKC)
              .strip()
              .toLowerCase(Locale.ROOT);
      if (name.startsWith("°")) {
        name = name.substring(1);
      }
      return switch (name) {
        case "c", "celsius" -> CELSIUS;
        case "f", "fahrenheit" -> FAHRENHEIT;
        case "k", "kelvin" -> KELVIN;
        default ->
            throw new IllegalArgumentException("unknown scale: '" + text + "' (use C, F or K)");
      };
    }
  }

  private TemperatureConverter() {}

  /**
   * The temperature {@code value} in scale {@code from}, expressed in scale {@code to}.
   *
   * @throws IllegalArgumentException if the value is NaN, infinite or below absolute zero
   */
  public static double convert(double value, Scale from, Scale to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("temperature must be a finite number: " + value);
    }
    if (value < from.absoluteZero) {
      throw new IllegalArgumentException(
          value
              + " "
              + from.symbol
              + " is below absolute zero ("
              + from.absoluteZero
              + " "
              + from.symbol
              + ")");
    }
    if (from == to) {
      return value;
    }
    return to.fromCelsius(from.toCelsius(value));
  }

  /** Celsius to Fahrenheit; see {@link #convert}. */
  public static double celsiusToFahrenheit(double celsius) {
    return convert(celsius, Scale.CELSIUS, Scale.FAHRENHEIT);
  }

  /** Fahrenheit to Celsius; see {@link #convert}. */
  public static double fahrenheitToCelsius(double fahrenheit) {
    return convert(fahrenheit, Scale.FAHRENHEIT, Scale.CELSIUS);
  }

  /**
   * Prints the conversion of {@code <value> <from> <to>}, e.g. {@code 100 C F} prints {@code 212.0
   * °F}.
   *
   * @throws IllegalArgumentException on a wrong number of arguments, a bad number or scale, or a
   *     temperature below absolute zero
   */
  public static void main(String... args) {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: junior.testing.1 <value> <from C|F|K> <to C|F|K>");
    }
    double value = Args.toBigDecimal(args[0]).doubleValue();
    Scale to = Scale.parse(args[2]);
    System.out.println(convert(value, Scale.parse(args[1]), to) + " " + to.symbol());
  }
}
