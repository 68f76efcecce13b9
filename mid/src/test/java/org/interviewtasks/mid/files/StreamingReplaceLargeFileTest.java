package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@link StreamingReplace} needs constant memory: it rewrites a file larger than this
 * JVM's whole heap. Runs in the {@code small-heap} Surefire execution ({@code -Xmx48m}).
 */
@Tag("small-heap")
class StreamingReplaceLargeFileTest {

  private static final int LINES = 1_200_000;

  @Test
  void replacesInAFileLargerThanTheHeap(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("large.txt");
    CRC32 expected = new CRC32();
    try (Writer original = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        Writer replaced =
            new BufferedWriter(
                new OutputStreamWriter(
                    new CheckedOutputStream(OutputStream.nullOutputStream(), expected),
                    StandardCharsets.UTF_8))) {
      for (int i = 0; i < LINES; i++) {
        String line = "line " + i + ": a haystack with a needle in it, or not; é ";
        original.write(line + (i % 3 == 0 ? "needle\n" : "noodle\n"));
        replaced.write(line.replace("needle", "pin") + (i % 3 == 0 ? "pin\n" : "noodle\n"));
      }
    }
    long sizeBefore = Files.size(file);
    assertThat(sizeBefore).isGreaterThan(Runtime.getRuntime().maxMemory());

    long count = StreamingReplace.replace(file, "needle", "pin");

    long expectedCount = LINES + (LINES + 2) / 3;
    assertThat(count).isEqualTo(expectedCount);
    assertThat(Files.size(file)).isEqualTo(sizeBefore - 3 * expectedCount);
    CRC32 actual = new CRC32();
    try (InputStream in = new CheckedInputStream(Files.newInputStream(file), actual)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    assertThat(actual.getValue()).isEqualTo(expected.getValue());
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }
}
