package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Ipv4ValidatorTest {

  /** The textbook regular expression, with ASCII digits spelled out: the oracle. */
  static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])");

  @Nested
  class Valid {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
      "0.0.0.0, 0",
      "0.0.0.1, 1",
      "1.2.3.4, 16909060",
      "10.0.0.1, 167772161",
      "127.0.0.1, 2130706433",
      "192.168.0.1, 3232235521",
      "255.255.255.254, 4294967294",
      "255.255.255.255, 4294967295",
      "100.200.249.199, 1690892743"
    })
    void acceptsDottedQuads(String address, long unsigned) {
      assertThat(Ipv4Validator.isValid(address)).isTrue();
      assertThat(Integer.toUnsignedLong(Ipv4Validator.parse(address))).isEqualTo(unsigned);
      assertThat(Ipv4Validator.format((int) unsigned)).isEqualTo(address);
    }
  }

  @Nested
  class Invalid {

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "''|empty address",
          "1|expected 4 parts separated by '.', found 1: '1'",
          "1.2.3|expected 4 parts separated by '.', found 3: '1.2.3'",
          "1.2.3.4.5|expected 4 parts separated by '.', found 5: '1.2.3.4.5'",
          "1,2,3,4|expected 4 parts separated by '.', found 1: '1,2,3,4'",
          ".1.2.3|part 1 is empty: '.1.2.3'",
          "1..2.3|part 2 is empty: '1..2.3'",
          "1.2.3.|part 4 is empty: '1.2.3.'",
          "...|part 1 is empty: '...'",
          "01.2.3.4|part 1 has a leading zero: '01'",
          "1.2.3.00|part 4 has a leading zero: '00'",
          "1.2.010.4|part 3 has a leading zero: '010'",
          "256.0.0.0|part 1 is out of range 0-255: '256'",
          "1.300.3.4|part 2 is out of range 0-255: '300'",
          "1.2.3.1000|part 4 is out of range 0-255: '1000'",
          "1.2.3.99999999999|part 4 is out of range 0-255: '99999999999'",
          "' 1.2.3.4'|part 1 has ' ' (U+0020), not an ASCII digit: ' 1'",
          "'1.2.3.4 '|part 4 has ' ' (U+0020), not an ASCII digit: '4 '",
          "1.2.+3.4|part 3 has '+' (U+002B), not an ASCII digit: '+3'",
          "1.2.-3.4|part 3 has '-' (U+002D), not an ASCII digit: '-3'",
          "0x7f.0.0.1|part 1 has 'x' (U+0078), not an ASCII digit: '0x7f'",
          "1.2.3.٣|part 4 has '٣' (U+0663), not an ASCII digit: '٣'",
          "1.2.३.4|part 3 has '३' (U+0969), not an ASCII digit: '३'",
          "1.2.3.4😀|part 4 has '😀' (U+1F600), not an ASCII digit: '4😀'",
          "1.2.3.a1|part 4 has 'a' (U+0061), not an ASCII digit: 'a1'"
        })
    void rejectsWithTheReason(String address, String reason) {
      assertThat(Ipv4Validator.isValid(address)).isFalse();
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Ipv4Validator.parse(address))
          .withMessage("not an IPv4 address: " + reason);
    }

    @Test
    void otherScriptsDigitsFoolTheJdkButNotTheValidator() {
      assertThat(Character.isDigit('٣')).isTrue();
      assertThat(Integer.parseInt("١٩٢")).isEqualTo(192);

      assertThat(Ipv4Validator.isValid("١٩٢.168.0.1")).isFalse();
    }

    @Test
    void nullIsNotAnAddress() {
      assertThat(Ipv4Validator.isValid(null)).isFalse();
      assertThatNullPointerException()
          .isThrownBy(() -> Ipv4Validator.parse(null))
          .withMessage("address");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void formatsAndParsesEveryAddressLikeTheJdk(long seed) throws Exception {
    var random = new SplittableRandom(seed);
    int address = random.nextInt();
    byte[] bytes = ByteBuffer.allocate(4).putInt(address).array();

    String text = Ipv4Validator.format(address);

    assertThat(text).isEqualTo(InetAddress.getByAddress(bytes).getHostAddress());
    assertThat(Ipv4Validator.parse(text)).isEqualTo(address);
    assertThat(Ipv4Validator.isValid(text)).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheRegularExpressionOnRandomStrings(long seed) {
    var random = new SplittableRandom(seed);
    String candidate =
        random.nextBoolean()
            ? RandomData.text(random, 16, RandomData.alphabet("0123456789...٣ x"))
            : nearMiss(random);

    boolean expected = DOTTED_QUAD.matcher(candidate).matches();

    assertThat(Ipv4Validator.isValid(candidate)).as("'%s'", candidate).isEqualTo(expected);
    if (expected) {
      assertThat(Ipv4Validator.format(Ipv4Validator.parse(candidate))).isEqualTo(candidate);
    } else {
      assertThatIllegalArgumentException().isThrownBy(() -> Ipv4Validator.parse(candidate));
    }
  }

  /** Four parts of 0-3 digits from 0, 1, 2, 5, 9: often valid, often just out of range. */
  private static String nearMiss(SplittableRandom random) {
    StringBuilder text = new StringBuilder();
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        text.append('.');
      }
      int digits = random.nextInt(0, 4);
      for (int d = 0; d < digits; d++) {
        text.append("01259".charAt(random.nextInt(5)));
      }
    }
    return text.toString();
  }

  @Nested
  class Main {

    @Test
    void saysForEachArgumentWhetherAndWhyNot() throws Exception {
      var printed = StdStreams.capture(() -> Ipv4Validator.main("10.0.0.1", "10.0.0.01"));

      assertThat(printed.out().lines())
          .containsExactly(
              "10.0.0.1: valid", "10.0.0.01: invalid (part 4 has a leading zero: '01')");
    }

    @Test
    void needsAnArgument() {
      assertThatIllegalArgumentException()
          .isThrownBy(Ipv4Validator::main)
          .withMessage("usage: mid.core.10 <address> [address...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
