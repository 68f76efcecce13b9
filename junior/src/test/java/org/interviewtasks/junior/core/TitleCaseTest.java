package org.interviewtasks.junior.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TitleCaseTest {

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "\"\"|\"\"",
        "\"   \"|\"   \"",
        "hello|Hello",
        "hello world|Hello World",
        "HELLO WORLD|Hello World",
        "hELLO wORLD|Hello World",
        "a|A",
        "A|A",
        "\"  two  spaces  \"|\"  Two  Spaces  \"",
        "don't stop|Don't Stop",
        "well-known fact|Well-known Fact",
        "(hello) \"quoted\"|(Hello) \"Quoted\"",
        "42nd STREET|42nd Street",
        "42ND|42nd",
        "😀smile 😀|😀Smile 😀",
        "... --- ...|... --- ...",
        "élan ÉCOLE|Élan École",
        "привет МИР|Привет Мир",
        "中文 字|中文 字",
        "ǆungla|ǅungla",
        "ǄUNGLA|ǅungla",
        "ΟΔΟΣ|Οδος",
        "ΟΣ|Ος",
        "ΣΟΦΟΣ ΣΑΣ.|Σοφος Σας.",
        "Σ|Σ",
        "ßtraße|ßtraße",
        "𝔘nicode|𝔘nicode",
        "\uD801\uDC28x \uD801\uDC00Y|\uD801\uDC00x \uD801\uDC00y"
      })
  void capitalizesTheFirstLetterOfEachWordAndLowersTheRest(String text, String expected) {
    assertThat(TitleCase.titleCase(text)).isEqualTo(expected);
  }

  @Test
  void keepsEveryKindOfWhitespaceExactly() {
    assertThat(TitleCase.titleCase("\tone\ntwo\r\nthree\u3000four  "))
        .isEqualTo("\tOne\nTwo\r\nThree\u3000Four  ");
  }

  @Test
  void aNoBreakSpaceDoesNotSeparateWords() {
    assertThat(TitleCase.titleCase("10\u00a0KM x\u00a0y")).isEqualTo("10\u00a0km X\u00a0y");
  }

  @Test
  void combiningMarksBeforeTheLetterAreKeptAndAfterItLowered() {
    assertThat(TitleCase.titleCase("e\u0301COLE")).isEqualTo("E\u0301cole");
    assertThat(TitleCase.titleCase("\u0301a")).isEqualTo("\u0301A");
  }

  @Test
  void dottedCapitalIBecomesTwoCharsInTheRootLowerCase() {
    assertThat(TitleCase.titleCase("İSTANBUL DİYARBAKIR")).isEqualTo("İstanbul Di\u0307yarbakir");
  }

  @Test
  void ignoresTheDefaultLocale() {
    Locale original = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));

      assertThat(TitleCase.titleCase("istanbul TITLE")).isEqualTo("Istanbul Title");
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> TitleCase.titleCase(null))
        .withMessage("text");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void isIdempotentAndKeepsTheWhitespace(long seed) {
    String text = RandomData.text(new SplittableRandom(seed), 60);

    String once = TitleCase.titleCase(text);

    assertThat(TitleCase.titleCase(once)).isEqualTo(once);
    assertThat(shape(once)).isEqualTo(shape(text));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithAnAsciiOracle(long seed) {
    String text =
        RandomData.text(new SplittableRandom(seed), 40, RandomData.alphabet("aBz Q\t'-(9"));
    var expected = new StringBuilder();
    boolean inWord = false;
    boolean capitalized = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        inWord = false;
        expected.append(c);
        continue;
      }
      if (!inWord) {
        inWord = true;
        capitalized = false;
      }
      boolean startsWord = !capitalized && Character.isLetterOrDigit(c);
      capitalized |= Character.isLetterOrDigit(c);
      expected.append(startsWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }

    assertThat(TitleCase.titleCase(text)).isEqualTo(expected.toString());
  }

  @Nested
  class Main {

    @Test
    void joinsTheArgumentsAndPrintsThemInTitleCase() throws Exception {
      var printed = StdStreams.capture(() -> TitleCase.main("hELLO", "wide  world", "ΟΔΟΣ"));

      assertThat(printed.out()).isEqualTo("Hello Wide  World Οδος" + System.lineSeparator());
    }

    @Test
    void rejectsNoArguments() {
      assertThatIllegalArgumentException()
          .isThrownBy(TitleCase::main)
          .withMessage("usage: junior.core.9 <word> [word...]");
    }
  }

  /** Each run of non-whitespace replaced by one "x": what title-casing must not change. */
  private static String shape(String text) {
    var shape = new StringBuilder();
    boolean inWord = false;
    for (int cp : text.codePoints().toArray()) {
      if (Character.isWhitespace(cp)) {
        shape.appendCodePoint(cp);
      } else if (!inWord) {
        shape.append('x');
      }
      inWord = !Character.isWhitespace(cp);
    }
    return shape.toString();
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
