package org.interviewtasks.mid.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.apps.EmailExtractor.Found;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EmailExtractorTest {

  static List<String> addresses(String text) throws IOException {
    return EmailExtractor.extract(new StringReader(text)).stream().map(Found::address).toList();
  }

  @Nested
  class Obfuscation {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "john [at] example [dot] com|john@example.com",
          "john(at)example(dot)com|john@example.com",
          "john {AT} example {DOT} co {dot} uk|john@example.co.uk",
          "john <At> example.org|john@example.org",
          "john [ at ] example [ dot ] com|john@example.com",
          "john&#64;example.com|john@example.com",
          "john&#064;example&#46;com|john@example.com",
          "john&#x40;example&#x2E;com|john@example.com",
          "john&commat;example&period;com|john@example.com",
          "john＠example.com|john@example.com",
          "john﹫example.com|john@example.com",
          "plain john@example.com here|john@example.com",
          "mail JOHN@EXAMPLE.COM now|JOHN@example.com"
        })
    void undoesTheDocumentedSpellings(String text, String address) throws IOException {
      assertThat(addresses(text)).containsExactly(address);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "meet me at home dot com",
          "john at example dot com",
          "nothing [at] all",
          "[at][dot]",
          "x [at] y"
        })
    void leavesBareWordsAndFragmentsAlone(String text) throws IOException {
      assertThat(addresses(text)).isEmpty();
    }

    @Test
    void deobfuscatesWithoutTouchingTheRest() {
      assertThat(EmailExtractor.deobfuscate("a [at] b [dot] c, at dot (a)"))
          .isEqualTo("a@b.c, at dot (a)");
      assertThat(EmailExtractor.deobfuscate("")).isEmpty();
    }
  }

  @Nested
  class Counting {

    @Test
    void keepsFirstLineAndCountsOccurrencesDedupingTheDomainCaseInsensitively() throws IOException {
      String text =
          """
          first line, no address
          write to Ann@Example.com or bob [at] example [dot] org
          ann@EXAMPLE.COM again, and Ann@example.com once more
          bob@example.org
          """;

      assertThat(EmailExtractor.extract(new StringReader(text)))
          .containsExactly(
              new Found("Ann@example.com", 2, 2),
              new Found("bob@example.org", 2, 2),
              new Found("ann@example.com", 3, 1));
    }

    @Test
    void returnsAnEmptyUnmodifiableListForNoAddresses() throws IOException {
      List<Found> none = EmailExtractor.extract(new StringReader(""));

      assertThat(none).isEmpty();
      assertThatThrownBy(() -> none.add(new Found("a@b.cd", 1, 1)))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void skipsAddressesLongerThanRfc5321Allows() throws IOException {
      String label = "a".repeat(60);
      String tooLong = "x@" + (label + ".").repeat(5) + "com"; // 2 + 305 + 3 > 254
      String fine = "x@" + (label + ".").repeat(3) + "com";

      assertThat(addresses(tooLong + " " + fine)).containsExactly(fine);
    }

    @Test
    void theLimitIsInclusive() throws IOException {
      String domain = (("b".repeat(60) + ".").repeat(3) + "e".repeat(46) + ".com");
      String atLimit = "x".repeat(20) + "@" + domain;
      String overLimit = "y" + atLimit; // its local part is still within 64

      assertThat(atLimit).hasSize(254);
      assertThat(addresses(overLimit + " " + atLimit)).containsExactly(atLimit);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.apps.EmailExtractorTest#seeds")
    void findsEveryPlantedAddressWhateverTheSpelling(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      String[] users = {"ann", "bob.smith", "c+tag", "d_e"};
      String[] domains = {"example.com", "mail.example.org", "x.io"};
      String[][] spellings = {
        {"@", "."}, {" [at] ", " [dot] "}, {"&#64;", "&#46;"}, {"(at)", "(dot)"}
      };
      StringBuilder text = new StringBuilder();
      java.util.Map<String, long[]> expected = new java.util.LinkedHashMap<>();
      int lines = random.nextInt(1, 30);
      for (int line = 1; line <= lines; line++) {
        if (random.nextBoolean()) {
          String user = users[random.nextInt(users.length)];
          String domain = domains[random.nextInt(domains.length)];
          String[] spelling = spellings[random.nextInt(spellings.length)];
          text.append("text ")
              .append(user)
              .append(spelling[0])
              .append(domain.replace(".", spelling[1]));
          long current = line;
          expected.computeIfAbsent(user + "@" + domain, k -> new long[] {current, 0})[1]++;
        }
        text.append(" end\n");
      }
      List<Found> want =
          expected.entrySet().stream()
              .map(e -> new Found(e.getKey(), e.getValue()[0], e.getValue()[1]))
              .toList();

      assertThat(EmailExtractor.extract(new StringReader(text.toString()))).isEqualTo(want);
    }
  }

  @Nested
  class OnDisk {

    @TempDir Path dir;

    @Test
    void streamsALargeFileLineByLine() throws IOException {
      Path file = dir.resolve("big.txt");
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (int i = 0; i < 50_000; i++) {
          out.write(
              "line "
                  + i
                  + " filler text without addresses, or user"
                  + (i % 7)
                  + " [at] example [dot] com\n");
        }
      }

      List<Found> found = EmailExtractor.extract(file);

      assertThat(found).hasSize(7);
      assertThat(found.get(0)).isEqualTo(new Found("user0@example.com", 1, 7143));
      assertThat(found.get(6)).isEqualTo(new Found("user6@example.com", 7, 7142));
    }

    @Test
    void rejectsInvalidUtf8NamingTheFile() throws IOException {
      Path file = dir.resolve("latin1.txt");
      Files.write(file, new byte[] {'a', '@', 'b', '.', 'c', 'o', (byte) 0xE9});

      assertThatThrownBy(() -> EmailExtractor.extract(file))
          .isInstanceOf(IOException.class)
          .hasMessage(file + " is not valid UTF-8 text")
          .hasCauseInstanceOf(MalformedInputException.class);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> EmailExtractor.extract((Path) null))
          .withMessage("file");
      assertThatNullPointerException()
          .isThrownBy(() -> EmailExtractor.extract((Reader) null))
          .withMessage("reader");
      assertThatNullPointerException()
          .isThrownBy(() -> EmailExtractor.deobfuscate(null))
          .withMessage("text");
    }

    @Test
    void mainPrintsAddressLineAndCount() throws Exception {
      Path file = dir.resolve("m.txt");
      Files.writeString(file, "x\nann [at] example [dot] com, ann@example.com\n");

      var printed = StdStreams.capture(() -> EmailExtractor.main(file.toString()));

      assertThat(printed.out()).isEqualTo("ann@example.com\t2\t2" + System.lineSeparator());
      assertThatIllegalArgumentException()
          .isThrownBy(EmailExtractor::main)
          .withMessage("usage: mid.apps.3 <file> [file...]");
    }
  }

  static LongStream seeds() {
    return Seeds.derive(100);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceThatNeverEndsIsRefusedNotRead() {
    assertThatThrownBy(() -> EmailExtractor.extract(Path.of("/dev/zero")))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EmailExtractor.main(" "))
        .withMessage("not a file name: ' '");
  }
}
