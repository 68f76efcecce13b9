package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgsTest {

  @Test
  void readsIntsAtTheirLimitsIgnoringSurroundingWhitespace() {
    assertThat(Args.toInt(" -2147483648 ")).isEqualTo(Integer.MIN_VALUE);
    assertThat(Args.toInt("\t2147483647\n")).isEqualTo(Integer.MAX_VALUE);
    assertThat(Args.toInts("1", " -2", "+3")).containsExactly(1, -2, 3);
    assertThat(Args.toInts()).isEmpty();
  }

  @Test
  void readsAscendingIntsAndNamesTheFirstOutOfOrder() {
    assertThat(Args.toAscendingInts("-1", "-1", "2", "5")).containsExactly(-1, -1, 2, 5);
    assertThat(Args.toAscendingInts()).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toAscendingInts("1", "5", "7", "2", "0"))
        .withMessage("not in ascending order: 2 at index 3 after 7");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toAscendingInts("1", "x"))
        .withMessage("not an int: 'x'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "2147483648", "1.0", "1e3", "one", "1 2", "0x10"})
  void rejectsWhatIsNotAnInt(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toInt(text))
        .withMessage("not an int: '" + text + "'")
        .withCauseInstanceOf(NumberFormatException.class);
  }

  @Test
  void readsLongs() {
    assertThat(Args.toLong(" 9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(Args.toLongs("-9223372036854775808", "6000000000"))
        .containsExactly(Long.MIN_VALUE, 6_000_000_000L);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toLong("9223372036854775808"))
        .withMessage("not a long: '9223372036854775808'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toLongs("1", "2.5"))
        .withMessage("not a long: '2.5'");
  }

  @Test
  void readsIntegersOfAnySize() {
    assertThat(Args.toBigInteger(" -123456789012345678901234567890 "))
        .isEqualTo(new BigInteger("-123456789012345678901234567890"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toBigInteger("12.0"))
        .withMessage("not an integer: '12.0'");
  }

  @Test
  void readsDecimalNumbers() {
    assertThat(Args.toBigDecimal(" 1e3")).isEqualByComparingTo(new BigDecimal("1000"));
    assertThat(Args.toBigDecimal("-7.50")).isEqualTo(new BigDecimal("-7.50"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toBigDecimal("seven"))
        .withMessage("not a number: 'seven'");
  }

  @Test
  void readsFileNamesAsTypedAndRejectsBlankOnes() {
    assertThat(Args.toPath(" a b.txt")).isEqualTo(Path.of(" a b.txt"));
    assertThat(Args.toPath("dir/ü 😀.txt")).isEqualTo(Path.of("dir", "ü 😀.txt"));
    for (String blank : new String[] {"", " ", " \t\n"}) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Args.toPath(blank))
          .withMessage("not a file name: '" + blank + "'");
    }
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Args.toPath("a\u0000b"))
        .withMessageStartingWith("not a file name: 'a\u0000b' (");
    assertThatNullPointerException().isThrownBy(() -> Args.toPath(null)).withMessage("argument");
  }

  @Test
  void rejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> Args.toInt(null)).withMessage("argument");
  }
}
