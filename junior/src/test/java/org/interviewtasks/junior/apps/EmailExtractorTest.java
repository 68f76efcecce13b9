package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailExtractorTest {

  @TempDir Path dir;

  @Nested
  class Accepts {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "write to john@example.com today|john@example.com",
          "john.doe@example.com|john.doe@example.com",
          "john+newsletter@example.com|john+newsletter@example.com",
          "o'brien@example.ie|o'brien@example.ie",
          "x@mail.eu-west.example.co.uk|x@mail.eu-west.example.co.uk",
          "Jane.Roe@Example.ORG|Jane.Roe@Example.ORG",
          "ivan@xn--e1afmkfd.xn--p1ai|ivan@xn--e1afmkfd.xn--p1ai",
          "1234@123.example|1234@123.example",
          "mailto:john@example.com|john@example.com",
          "<john@example.com>|john@example.com",
          "(john@example.com).|john@example.com",
          "Mail john@example.com.|john@example.com",
          "john@example.com, jane@example.org;|john@example.com",
          "\"john@example.com\"|john@example.com",
          "Email:john@example.com|john@example.com",
          "a@b.co|a@b.co",
          "日本 john@example.com 語|john@example.com"
        })
    void findsTheAddressWithoutItsSurroundings(String text, String expected) {
      assertThat(EmailExtractor.extract(text)).first().isEqualTo(expected);
    }

    @Test
    void acceptsEverySpecialCharacterOfADotAtom() {
      String address = "a_b-c%d!e#f$g&h*i=j?k^l`m{n|o}p~q/r's@example.com";

      assertThat(EmailExtractor.extract("<" + address + ">")).containsExactly(address);
    }

    @Test
    void findsEveryAddressInOrder() {
      String text =
          """
          From: Ann <ann@example.com>
          To: bob@example.org, carol+work@mail.example.net
          Cc: dave.smith@example.co.uk; (eve@example.io)
          """;

      assertThat(EmailExtractor.extract(text))
          .containsExactly(
              "ann@example.com",
              "bob@example.org",
              "carol+work@mail.example.net",
              "dave.smith@example.co.uk",
              "eve@example.io");
    }

    @Test
    void acceptsTheLongestAllowedParts() {
      String local = "l".repeat(64);
      String label = "d".repeat(63);
      String atLimit = local + "@" + label + "." + label + "." + "e".repeat(57) + ".com";

      assertThat(atLimit).hasSize(254);
      assertThat(EmailExtractor.extract(atLimit)).containsExactly(atLimit);
    }
  }

  @Nested
  class Refuses {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "john..doe@example.com",
          ".john@example.com",
          "john.@example.com",
          "\"john doe\"@example.com",
          "user@[127.0.0.1]",
          "root@localhost",
          "user@example.c",
          "user@example.123",
          "user@-example.com",
          "user@example-.com",
          "user@exa_mple.com",
          "user@@example.com",
          "@example.com",
          "user@",
          "user@.com",
          "user@example..com",
          "müller@example.de",
          "user@bücher.de",
          "user@example.dé",
          "user@example.com.ü",
          "user@example.comé",
          "пользователь@пример.рф",
          "user@example.com-",
          "user@example.com_x",
          "user@example.com1",
          "user at example dot com"
        })
    void findsNothing(String text) {
      assertThat(EmailExtractor.extract(text)).isEmpty();
    }

    @Test
    void aLabelOver63CharactersIsRefused() {
      String label = "d".repeat(64);

      assertThat(EmailExtractor.extract("x@" + label + ".com")).isEmpty();
      assertThat(EmailExtractor.extract("x@" + label.substring(1) + ".com")).hasSize(1);
    }

    @Test
    void addressesOverTheLengthLimitsAreSkippedNotCut() {
      String label = "d".repeat(63);
      String tooLong = "l".repeat(64) + "@" + label + "." + label + "." + "e".repeat(58) + ".com";
      String localTooLong = "l".repeat(65) + "@example.com";

      assertThat(tooLong).hasSize(255);
      assertThat(EmailExtractor.extract(tooLong + " " + localTooLong + " ok@example.com"))
          .containsExactly("ok@example.com");
    }

    @Test
    void aLongRunWithoutAddressesIsScannedInLinearTime() {
      String text = "a.".repeat(50_000) + "@" + "-".repeat(50_000) + "a".repeat(50_000) + "@x";

      assertThat(EmailExtractor.extract(text)).isEmpty();
    }
  }

  @Nested
  class Duplicates {

    @Test
    void keepsTheFirstSpellingAndIgnoresDomainCase() {
      String text =
          "John@Example.com, john@example.com, John@EXAMPLE.COM, jane@x.org John@example.com";

      assertThat(EmailExtractor.extract(text))
          .containsExactly("John@Example.com", "john@example.com", "jane@x.org");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.EmailExtractorTest#seeds")
    void agreesWithALinkedHashSetOverRandomProse(long seed) {
      var random = new SplittableRandom(seed);
      List<String> pool = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        pool.add("user" + random.nextInt(1000) + "." + i + "@host" + i + ".example.com");
      }
      String[] fillers = {" ", ", ", "; ", " (", ") ", " <", "> ", "\n", " и ", ". ", " — "};
      var text = new StringBuilder();
      var expected = new LinkedHashSet<String>();
      int words = random.nextInt(60);
      for (int i = 0; i < words; i++) {
        text.append(fillers[random.nextInt(fillers.length)]);
        if (random.nextInt(3) == 0) {
          String address = pool.get(random.nextInt(pool.size()));
          text.append(address);
          expected.add(address);
        } else {
          text.append("word").append(random.nextInt(100));
        }
      }
      text.append(' ');

      assertThat(EmailExtractor.extract(text)).containsExactlyElementsOf(expected);
    }
  }

  @Nested
  class Files_ {

    @Test
    void readsUtf8LineByLineAcrossFiles() throws IOException {
      Path first = write("a.txt", "Привет, ann@example.com!\nСпасибо 🙏 bob@example.org\n");
      Path second = write("b.txt", "again ann@example.com and carol@example.net");

      assertThat(EmailExtractor.extract(first))
          .containsExactly("ann@example.com", "bob@example.org");
      assertThat(EmailExtractor.extract(List.of(first, second)))
          .containsExactly("ann@example.com", "bob@example.org", "carol@example.net");
    }

    @Test
    void anEmptyFileHasNone() throws IOException {
      assertThat(EmailExtractor.extract(write("empty.txt", ""))).isEmpty();
    }

    @Test
    void aFileThatIsNotUtf8Fails() throws IOException {
      Path latin1 = dir.resolve("latin1.txt");
      Files.write(latin1, "müller ann@example.com".getBytes(StandardCharsets.ISO_8859_1));

      assertThatThrownBy(() -> EmailExtractor.extract(latin1))
          .isInstanceOf(IOException.class)
          .hasMessage(latin1 + " is not UTF-8 text");
    }

    @Test
    void aMissingFileFails() {
      assertThatThrownBy(() -> EmailExtractor.extract(dir.resolve("none.txt")))
          .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> EmailExtractor.extract((CharSequence) null))
          .withMessage("text");
      assertThatNullPointerException()
          .isThrownBy(() -> EmailExtractor.extract((Path) null))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> EmailExtractor.extract((List<Path>) null))
          .withMessage("files");
    }
  }

  @Nested
  class CommandLine {

    @Test
    void printsOneAddressPerLine() throws Exception {
      Path file = write("mail.txt", "ann@example.com, bob@example.org\nann@example.com");

      CommandRun run = CommandRun.of((out, err) -> EmailExtractor.run(out, err, file.toString()));

      assertThat(run.code()).isZero();
      assertThat(run.lines()).containsExactly("ann@example.com", "bob@example.org");
    }

    @Test
    void noAddressIsNoOutputAndSuccess() throws Exception {
      Path file = write("none.txt", "nothing here");

      CommandRun run = CommandRun.of((out, err) -> EmailExtractor.run(out, err, file.toString()));

      assertThat(run.code()).isZero();
      assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreadableFileFailsWithExitCode1() throws Exception {
      Path missing = dir.resolve("missing.txt");

      CommandRun run =
          CommandRun.of((out, err) -> EmailExtractor.run(out, err, missing.toString()));

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("error: " + missing + System.lineSeparator());
    }

    @Test
    void noFileIsAUsageError() throws Exception {
      CommandRun run = CommandRun.of(EmailExtractor::run);

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("Missing required parameter: 'FILE'");
    }

    @Test
    void mainPrintsOnTheConsole() throws Exception {
      Path file = write("mail.txt", "hi eve@example.io");

      var printed = StdStreams.capture(() -> EmailExtractor.main(file.toString()));

      assertThat(printed.out()).isEqualTo("eve@example.io" + System.lineSeparator());
      assertThatIllegalArgumentException()
          .isThrownBy(() -> StdStreams.capture(EmailExtractor::main))
          .withMessage("usage: junior.apps.8 --help shows how to call it");
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
