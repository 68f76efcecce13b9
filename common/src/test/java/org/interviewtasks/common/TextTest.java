package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "Zoë", "😀", "a😀b😀", "\uD83D\uDE00\uD83D\uDE00", "\uFFFF"})
  void wellFormedTextPassesAndRoundTripsThroughUtf8(String text) {
    assertThat(Text.firstUnpairedSurrogate(text)).isEqualTo(-1);
    assertThat(Text.requireWellFormed(text, "key")).isSameAs(text);
    assertThat(new String(Text.utf8(text, "key"), StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({
    "'\uD800', 0, D800",
    "'\uDC00', 0, DC00",
    "'a\uD800b', 1, D800",
    "'ab\uD800', 2, D800",
    "'\uDE00\uD83D', 0, DE00",
    "'😀\uDE00', 2, DE00",
    "'😀\uD83D', 2, D83D"
  })
  void namesTheFirstUnpairedHalf(String text, int index, String hex) {
    assertThat(Text.firstUnpairedSurrogate(text)).isEqualTo(index);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Text.requireWellFormed(text, "value"))
        .withMessage("value contains an unpaired surrogate at index " + index + " (U+" + hex + ")");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Text.utf8(text, "name"))
        .withMessageStartingWith("name contains an unpaired surrogate at index " + index);
  }

  @Test
  void agreesWithTheCharsetEncoderOnRandomUtf16() {
    SplittableRandom random = new SplittableRandom(20261204L);
    char[] alphabet = {'a', 'é', '\uD83D', '\uDE00', '\uDBFF', '\uDC00', '\uFFFD'};
    for (int n = 0; n < 20_000; n++) {
      char[] chars = new char[random.nextInt(6)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = alphabet[random.nextInt(alphabet.length)];
      }
      String text = new String(chars);
      boolean encodable = StandardCharsets.UTF_8.newEncoder().canEncode(text);
      assertThat(Text.firstUnpairedSurrogate(text) < 0).as("%s", text.chars()).isEqualTo(encodable);
    }
  }

  @Test
  void namesANullArgument() {
    assertThatNullPointerException()
        .isThrownBy(() -> Text.requireWellFormed(null, "key"))
        .withMessage("key");
    assertThatNullPointerException()
        .isThrownBy(() -> Text.firstUnpairedSurrogate(null))
        .withMessage("text");
  }
}
