package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.OneCharAtATime;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.junior.files.TextFiles.Line;
import org.interviewtasks.junior.files.TextFiles.LineReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TextFilesTest {

  @TempDir Path dir;

  @Nested
  class Checks {

    @Test
    void aRegularReadableFilePasses() throws IOException {
      Path file = Files.writeString(dir.resolve("a.txt"), "x");

      assertThat(TextFiles.requireFile(file, "file")).isSameAs(file);
    }

    @Test
    void aLinkToAFileIsFollowed() throws IOException {
      Path file = Files.writeString(dir.resolve("a.txt"), "x");
      Path link = TestFiles.symlink(dir.resolve("link"), file);

      assertThat(TextFiles.requireFile(link, "file")).isSameAs(link);
    }

    @Test
    void aMissingFileIsNamed() {
      Path missing = dir.resolve("missing.txt");

      assertThatThrownBy(() -> TextFiles.requireFile(missing, "file"))
          .isExactlyInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such file");
    }

    @Test
    void aBrokenLinkIsAMissingFile() throws IOException {
      Path link = TestFiles.symlink(dir.resolve("link"), dir.resolve("gone"));

      assertThatThrownBy(() -> TextFiles.requireFile(link, "file"))
          .isExactlyInstanceOf(NoSuchFileException.class)
          .hasMessage(link + ": no such file");
    }

    @Test
    void aDirectoryIsNotAFile() {
      assertThatThrownBy(() -> TextFiles.requireFile(dir, "file"))
          .isExactlyInstanceOf(FileSystemException.class)
          .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void aDeviceIsNotARegularFile() {
      Path device = Path.of("/dev/null");
      assumeTrue(Files.exists(device), "no /dev/null here");

      assertThatThrownBy(() -> TextFiles.requireFile(device, "file"))
          .isExactlyInstanceOf(FileSystemException.class)
          .hasMessage("/dev/null: is not a regular file");
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
      Path file = Files.writeString(dir.resolve("secret.txt"), "x");
      TestFiles.assumePermissionsEnforced(file, "-w-------");

      assertThatThrownBy(() -> TextFiles.requireFile(file, "file"))
          .isExactlyInstanceOf(AccessDeniedException.class)
          .hasMessage(file + ": is not readable");
    }

    @Test
    void aDirectoryPasses() throws IOException {
      assertThat(TextFiles.requireDirectory(dir, "dir")).isSameAs(dir);
    }

    @Test
    void aMissingDirectoryOrAFileIsNotADirectory() throws IOException {
      Path missing = dir.resolve("missing");
      Path file = Files.writeString(dir.resolve("a.txt"), "x");

      assertThatThrownBy(() -> TextFiles.requireDirectory(missing, "dir"))
          .isExactlyInstanceOf(NoSuchFileException.class)
          .hasMessage(missing + ": no such directory");
      assertThatThrownBy(() -> TextFiles.requireDirectory(file, "dir"))
          .isExactlyInstanceOf(NotDirectoryException.class)
          .hasMessage(file.toString());
    }

    @Test
    void aTargetMayExistOrNotButNeedsItsFolder() throws IOException {
      Path existing = Files.writeString(dir.resolve("a.txt"), "x");
      Path fresh = dir.resolve("new.txt");
      Path orphan = dir.resolve("no/such/folder/out.txt");
      Path underAFile = existing.resolve("out.txt");

      assertThat(TextFiles.requireTarget(existing, "target")).isSameAs(existing);
      assertThat(TextFiles.requireTarget(fresh, "target")).isSameAs(fresh);
      assertThatThrownBy(() -> TextFiles.requireTarget(orphan, "target"))
          .isExactlyInstanceOf(NoSuchFileException.class)
          .hasMessage(orphan + ": folder " + orphan.getParent() + " does not exist");
      assertThatThrownBy(() -> TextFiles.requireTarget(underAFile, "target"))
          .isExactlyInstanceOf(NotDirectoryException.class)
          .hasMessage(existing.toString());
      assertThatThrownBy(() -> TextFiles.requireTarget(dir, "target"))
          .isExactlyInstanceOf(FileSystemException.class)
          .hasMessage(dir + ": is a directory, not a file");
    }

    @Test
    void aBareNameLivesInTheCurrentFolder() {
      assertThat(TextFiles.folderOf(Path.of("out.txt"))).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void nullsAreNamedByTheCaller() {
      assertThatNullPointerException()
          .isThrownBy(() -> TextFiles.requireFile(null, "source"))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> TextFiles.requireDirectory(null, "dir"))
          .withMessage("dir");
      assertThatNullPointerException()
          .isThrownBy(() -> TextFiles.requireTarget(null, "target"))
          .withMessage("target");
    }
  }

  @Nested
  class Reading {

    @Test
    void decodesUtf8() throws IOException {
      Path file = Files.writeString(dir.resolve("a.txt"), "héllo 😀\n");

      try (Reader reader = TextFiles.newReader(file)) {
        assertThat(reader.read()).isEqualTo('h');
        assertThat(reader.read()).isEqualTo('é');
      }
    }

    @Test
    void malformedUtf8IsNamedNotReplaced() throws IOException {
      Path file = dir.resolve("latin1.txt");
      Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

      assertThatThrownBy(
              () -> {
                try (Reader reader = TextFiles.newReader(file)) {
                  reader.read(new char[16]);
                }
              })
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(file + ": not valid UTF-8 text")
          .hasCauseInstanceOf(MalformedInputException.class);
    }

    @Test
    void theByteOrderMarkIsSkippedOnlyWhenAsked() throws IOException {
      Path file = Files.writeString(dir.resolve("bom.csv"), "\uFEFFa,b");
      Path plain = Files.writeString(dir.resolve("plain.csv"), "a,b");
      Path empty = Files.writeString(dir.resolve("empty.csv"), "");

      try (Reader reader = TextFiles.newReaderSkippingBom(file)) {
        assertThat(reader.read()).isEqualTo('a');
      }
      try (Reader reader = TextFiles.newReaderSkippingBom(plain)) {
        assertThat(reader.read()).isEqualTo('a');
      }
      try (Reader reader = TextFiles.newReaderSkippingBom(empty)) {
        assertThat(reader.read()).isEqualTo(-1);
      }
      try (Reader reader = TextFiles.newReader(file)) {
        assertThat(reader.read()).isEqualTo(0xFEFF);
      }
    }

    @Test
    void aMalformedFirstCharacterFailsWhileLookingForTheMark() throws IOException {
      Path file = dir.resolve("bad.csv");
      Files.write(file, new byte[] {(byte) 0xFF, 'a'});

      assertThatThrownBy(() -> TextFiles.newReaderSkippingBom(file))
          .isInstanceOf(MalformedFileException.class)
          .hasMessage(file + ": not valid UTF-8 text");
    }

    @Test
    void readersCheckTheFileFirst() {
      Path missing = dir.resolve("missing.txt");

      assertThatThrownBy(() -> TextFiles.newReader(missing)).hasMessage(missing + ": no such file");
      assertThatThrownBy(() -> TextFiles.lines(dir))
          .hasMessage(dir + ": is a directory, not a file");
    }
  }

  @Nested
  class Lines {

    /** Texts use {@code \n} and {@code \r} escapes; lines are shown as text|terminator. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
        delimiter = ';',
        quoteCharacter = '"',
        value = {
          "\"\"; \"\"",
          "a; a|",
          "a\\n; a|\\n",
          "a\\nb; a|\\n b|",
          "a\\r\\nb\\r\\n; a|\\r\\n b|\\r\\n",
          "a\\rb; a|\\r b|",
          "\\n; |\\n",
          "\\n\\n; |\\n |\\n",
          "\\r\\n\\r; |\\r\\n |\\r",
          "\\n\\r; |\\n |\\r",
          "a\\r\\r\\nb; a|\\r |\\r\\n b|",
          "\"x y \"; \"x y |\""
        })
    void splitsLinesAndKeepsTheirTerminators(String escaped, String expected) throws IOException {
      List<String> shown = new ArrayList<>();
      for (Line line : readAll(new StringReader(unescape(escaped)))) {
        shown.add(line.text() + "|" + escape(line.terminator()));
      }

      assertThat(String.join(" ", shown)).isEqualTo(expected);
    }

    @Test
    void numbersTheLines() throws IOException {
      try (var lines = new LineReader(new StringReader("a\r\nb\n\nc"))) {
        assertThat(lines.lineNumber()).isZero();
        lines.next();
        assertThat(lines.lineNumber()).isEqualTo(1);
        lines.next();
        lines.next();
        assertThat(lines.lineNumber()).isEqualTo(3);
        assertThat(lines.next()).isEqualTo(new Line("c", ""));
        assertThat(lines.lineNumber()).isEqualTo(4);
        assertThat(lines.next()).isNull();
        assertThat(lines.next()).isNull();
        assertThat(lines.lineNumber()).isEqualTo(4);
      }
    }

    @Test
    void aCrLfSplitBetweenTwoReadsIsOneTerminator() throws IOException {
      String text = "a".repeat(8191) + "\r\nb\r" + "c".repeat(8190) + "\r";
      assertThat(text.charAt(8191)).isEqualTo('\r');

      List<Line> lines = readAll(new StringReader(text));

      assertThat(lines)
          .containsExactly(
              new Line("a".repeat(8191), "\r\n"),
              new Line("b", "\r"),
              new Line("c".repeat(8190), "\r"));
    }

    @Test
    void aLineLongerThanTheBufferIsWhole() throws IOException {
      String longLine = "é".repeat(20_000);

      assertThat(readAll(new StringReader(longLine + "\n" + longLine)))
          .containsExactly(new Line(longLine, "\n"), new Line(longLine, ""));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.files.TextFilesTest#seeds")
    void linesPutBackTogetherAreTheTextAndAgreeWithReadLine(long seed) throws IOException {
      String text =
          RandomData.text(new SplittableRandom(seed), 400, RandomData.alphabet("ab é😀\r\n"));

      List<Line> lines = readAll(new OneCharAtATime(text));

      assertThat(String.join("", lines.stream().map(Line::toString).toList())).isEqualTo(text);
      assertThat(lines.stream().map(Line::text).toList()).isEqualTo(text.lines().toList());
      assertThat(lines).allSatisfy(line -> assertThat(line.text()).doesNotContain("\n", "\r"));
      assertThat(lines.subList(0, Math.max(0, lines.size() - 1)))
          .allSatisfy(line -> assertThat(line.terminated()).isTrue());
    }

    @Test
    void aLineKnowsWhetherItIsTerminated() {
      assertThat(new Line("a", "\n").terminated()).isTrue();
      assertThat(new Line("a", "").terminated()).isFalse();
      assertThat(new Line("a", "\r\n")).hasToString("a\r\n");
      assertThatNullPointerException().isThrownBy(() -> new Line(null, "")).withMessage("text");
      assertThatNullPointerException()
          .isThrownBy(() -> new Line("", null))
          .withMessage("terminator");
    }

    @Test
    void readsAFile() throws IOException {
      Path file = Files.writeString(dir.resolve("a.txt"), "one\r\ntwo");

      try (LineReader lines = TextFiles.lines(file)) {
        assertThat(lines.next()).isEqualTo(new Line("one", "\r\n"));
        assertThat(lines.next()).isEqualTo(new Line("two", ""));
        assertThat(lines.next()).isNull();
      }
    }
  }

  @Test
  void closeQuietlyKeepsTheFailureAndRecordsTheCloseError() {
    var failure = new IOException("first");
    var closeError = new IOException("second");

    TextFiles.closeQuietly(
        () -> {
          throw closeError;
        },
        failure);
    TextFiles.closeQuietly(() -> {}, failure);

    assertThat(failure.getSuppressed()).containsExactly(closeError);
  }

  private static List<Line> readAll(Reader reader) throws IOException {
    List<Line> lines = new ArrayList<>();
    try (var lineReader = new LineReader(reader)) {
      for (Line line = lineReader.next(); line != null; line = lineReader.next()) {
        lines.add(line);
      }
    }
    return lines;
  }

  static String unescape(String escaped) {
    return escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
  }

  private static String escape(String text) {
    return text.replace("\n", "\\n").replace("\r", "\\r");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
