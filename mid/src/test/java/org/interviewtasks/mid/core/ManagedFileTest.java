package org.interviewtasks.mid.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedFileTest {

  @TempDir Path directory;

  /**
   * A writer that records its closing in {@code events} and then fails if {@code failure} is set.
   */
  static Writer recordingWriter(String name, List<String> events, IOException failure) {
    return new StringWriter() {
      @Override
      public void close() throws IOException {
        events.add("close " + name);
        if (failure != null) {
          throw failure;
        }
      }
    };
  }

  private List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Nested
  class Writing {

    @Test
    void committedTextBecomesTheContent() throws IOException {
      Path file = directory.resolve("greeting.txt");
      Files.writeString(file, "old");

      try (ManagedFile out = ManagedFile.openForWriting(file)) {
        assertThat(out.mode()).isEqualTo(ManagedFile.Mode.WRITE);
        assertThat(out.path()).isEqualTo(file);
        out.write("héllo\n");
        out.write("😀 wörld");
        assertThat(Files.readString(file)).isEqualTo("old");
        out.commit();
        assertThat(out.isOpen()).isFalse();
      }

      assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("héllo\n😀 wörld");
      assertThat(filesIn(directory)).containsExactly(file);
    }

    @Test
    void closingWithoutCommitLeavesTheFileAsItWas() throws IOException {
      Path existing = directory.resolve("existing.txt");
      Files.writeString(existing, "keep me");
      Path absent = directory.resolve("absent.txt");

      try (ManagedFile out = ManagedFile.openForWriting(existing)) {
        out.write("discarded");
      }
      try (ManagedFile out = ManagedFile.openForWriting(absent)) {
        out.write("discarded");
      }

      assertThat(Files.readString(existing)).isEqualTo("keep me");
      assertThat(filesIn(directory)).containsExactly(existing);
    }

    @Test
    void theHigherOrderFormCommitsOnlyWhenTheBodySucceeds() throws IOException {
      Path file = directory.resolve("data.txt");
      ManagedFile.write(file, out -> out.write("first"));
      IllegalStateException failure = new IllegalStateException("body failed");

      Throwable thrown =
          catchThrowable(
              () ->
                  ManagedFile.write(
                      file,
                      out -> {
                        out.write("second");
                        throw failure;
                      }));

      assertThat(thrown).isSameAs(failure);
      assertThat(Files.readString(file)).isEqualTo("first");
      assertThat(filesIn(directory)).containsExactly(file);
    }

    @Test
    void aFailedCommitLeavesTheTargetAndNoTemporaryFile() throws IOException {
      Path target = Files.createDirectory(directory.resolve("target"));
      Files.writeString(target.resolve("inside.txt"), "x");

      ManagedFile out = ManagedFile.openForWriting(target);
      out.write("text");

      assertThatThrownBy(out::commit).isInstanceOf(IOException.class);
      assertThat(out.isOpen()).isFalse();
      assertThat(filesIn(directory)).containsExactly(target);
      assertThat(Files.readString(target.resolve("inside.txt"))).isEqualTo("x");
    }
  }

  @Nested
  class Reading {

    @Test
    void readsLinesUntilTheEnd() throws IOException {
      Path file = directory.resolve("lines.txt");
      Files.writeString(file, "één\r\n中文\n\nlast", StandardCharsets.UTF_8);

      List<String> lines = new ArrayList<>();
      try (ManagedFile in = ManagedFile.openForReading(file)) {
        assertThat(in.mode()).isEqualTo(ManagedFile.Mode.READ);
        assertThat(in.isOpen()).isTrue();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      }

      assertThat(lines).containsExactly("één", "中文", "", "last");
    }

    @Test
    void aMissingFileCannotBeOpened() {
      assertThatThrownBy(() -> ManagedFile.openForReading(directory.resolve("missing.txt")))
          .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void malformedUtf8IsReportedNotReplaced() throws IOException {
      Path file = directory.resolve("latin1.txt");
      Files.write(file, new byte[] {'c', 'a', 'f', (byte) 0xE9});

      try (ManagedFile in = ManagedFile.openForReading(file)) {
        assertThatThrownBy(in::readLine).isInstanceOf(MalformedInputException.class);
      }
    }
  }

  @Nested
  class Closing {

    @Test
    void closeIsIdempotent() throws IOException {
      List<String> events = new ArrayList<>();
      Path temporary = Files.createFile(directory.resolve("tmp"));
      ManagedFile file =
          new ManagedFile(
              directory.resolve("f"),
              ManagedFile.Mode.WRITE,
              null,
              recordingWriter("f", events, null),
              temporary);

      file.close();
      file.close();

      assertThat(events).containsExactly("close f");
      assertThat(file.isOpen()).isFalse();
      assertThat(temporary).doesNotExist();
    }

    @Test
    void closingAFileOpenForReadingClosesItsReader() throws IOException {
      List<String> events = new ArrayList<>();
      Reader source =
          new StringReader("line") {
            @Override
            public void close() {
              events.add("close reader");
              super.close();
            }
          };
      ManagedFile file =
          new ManagedFile(
              directory.resolve("r"),
              ManagedFile.Mode.READ,
              new BufferedReader(source),
              null,
              null);

      assertThat(file.readLine()).isEqualTo("line");
      file.close();
      file.close();

      assertThat(events).containsExactly("close reader");
      assertThat(file.isOpen()).isFalse();
    }

    @Test
    void aFailedCloseStillClosesAndRemovesTheTemporaryFile() throws IOException {
      List<String> events = new ArrayList<>();
      Path temporary = Files.createFile(directory.resolve("tmp"));
      IOException diskGone = new IOException("disk gone");
      ManagedFile file =
          new ManagedFile(
              directory.resolve("f"),
              ManagedFile.Mode.WRITE,
              null,
              recordingWriter("f", events, diskGone),
              temporary);

      assertThatThrownBy(file::close).isSameAs(diskGone);
      file.close();

      assertThat(events).containsExactly("close f");
      assertThat(temporary).doesNotExist();
    }

    @Test
    void resourcesCloseInReverseOrder() throws IOException {
      List<String> events = new ArrayList<>();
      Path firstTemp = Files.createFile(directory.resolve("tmp1"));
      Path secondTemp = Files.createFile(directory.resolve("tmp2"));

      try (ManagedFile first =
              new ManagedFile(
                  directory.resolve("1"),
                  ManagedFile.Mode.WRITE,
                  null,
                  recordingWriter("first", events, null),
                  firstTemp);
          ManagedFile second =
              new ManagedFile(
                  directory.resolve("2"),
                  ManagedFile.Mode.WRITE,
                  null,
                  recordingWriter("second", events, null),
                  secondTemp)) {
        events.add(
            "body with " + first.path().getFileName() + " and " + second.path().getFileName());
      }

      assertThat(events).containsExactly("body with 1 and 2", "close second", "close first");
    }

    @Test
    void aFailureOfCloseIsSuppressedByTheBodysException() throws IOException {
      List<String> events = new ArrayList<>();
      Path temporary = Files.createFile(directory.resolve("tmp"));
      IOException closeFailure = new IOException("close failed");
      IllegalStateException bodyFailure = new IllegalStateException("body failed");

      Throwable thrown =
          catchThrowable(
              () -> {
                try (ManagedFile file =
                    new ManagedFile(
                        directory.resolve("f"),
                        ManagedFile.Mode.WRITE,
                        null,
                        recordingWriter("f", events, closeFailure),
                        temporary)) {
                  file.write("x");
                  throw bodyFailure;
                }
              });

      assertThat(thrown).isSameAs(bodyFailure);
      assertThat(thrown.getSuppressed()).containsExactly(closeFailure);
      assertThat(events).containsExactly("close f");
    }

    @Test
    void withoutABodyFailureTheCloseFailureIsThrown() throws IOException {
      Path temporary = Files.createFile(directory.resolve("tmp"));
      IOException closeFailure = new IOException("close failed");

      Throwable thrown =
          catchThrowable(
              () -> {
                try (ManagedFile file =
                    new ManagedFile(
                        directory.resolve("f"),
                        ManagedFile.Mode.WRITE,
                        null,
                        recordingWriter("f", new ArrayList<>(), closeFailure),
                        temporary)) {
                  file.write("x");
                }
              });

      assertThat(thrown).isSameAs(closeFailure);
      assertThat(thrown.getSuppressed()).isEmpty();
    }
  }

  @Nested
  class Misuse {

    @Test
    void aClosedFileCannotBeUsed() throws IOException {
      Path file = directory.resolve("f.txt");
      Files.writeString(file, "x");
      ManagedFile in = ManagedFile.openForReading(file);
      in.close();
      ManagedFile out = ManagedFile.openForWriting(file);
      out.commit();
      out.close();

      assertThatIllegalStateException()
          .isThrownBy(in::readLine)
          .withMessage("the file is closed: " + file);
      assertThatIllegalStateException()
          .isThrownBy(() -> out.write("y"))
          .withMessage("the file is closed: " + file);
      assertThatIllegalStateException()
          .isThrownBy(out::commit)
          .withMessage("the file is closed: " + file);
      assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void aFileIsOnlyForWhatItWasOpenedFor() throws IOException {
      Path file = directory.resolve("f.txt");
      Files.writeString(file, "x");

      try (ManagedFile in = ManagedFile.openForReading(file);
          ManagedFile out = ManagedFile.openForWriting(file)) {
        assertThatIllegalStateException()
            .isThrownBy(() -> in.write("y"))
            .withMessage("the file is open for read: " + file);
        assertThatIllegalStateException()
            .isThrownBy(in::commit)
            .withMessage("the file is open for read: " + file);
        assertThatIllegalStateException()
            .isThrownBy(out::readLine)
            .withMessage("the file is open for write: " + file);
      }
    }

    @Test
    void rejectsNulls() throws IOException {
      assertThatNullPointerException()
          .isThrownBy(() -> ManagedFile.openForReading(null))
          .withMessage("path");
      assertThatNullPointerException()
          .isThrownBy(() -> ManagedFile.openForWriting(null))
          .withMessage("path");
      assertThatNullPointerException()
          .isThrownBy(() -> ManagedFile.write(directory.resolve("f"), null))
          .withMessage("body");
      try (ManagedFile out = ManagedFile.openForWriting(directory.resolve("f"))) {
        assertThatNullPointerException().isThrownBy(() -> out.write(null)).withMessage("text");
      }
      assertThat(filesIn(directory)).isEmpty();
    }
  }
}
