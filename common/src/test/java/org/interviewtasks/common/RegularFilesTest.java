package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RegularFilesTest {

  @TempDir Path dir;

  @Test
  void aRegularFileADirectoryAndAMissingFileAreLeftToTheCaller() throws IOException {
    Path file = Files.writeString(dir.resolve("a.txt"), "a");
    assertThat(RegularFiles.requireEnding(file)).isSameAs(file);
    assertThat(RegularFiles.requireEnding(dir)).isSameAs(dir);
    assertThat(RegularFiles.requireEnding(dir.resolve("missing")))
        .isEqualTo(dir.resolve("missing"));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aDeviceIsRefused() {
    assertThatThrownBy(() -> RegularFiles.requireEnding(Path.of("/dev/zero")))
        .isExactlyInstanceOf(FileSystemException.class)
        .hasMessage("/dev/zero: is not a regular file (a device or a pipe may never end)");
  }

  @Test
  void namesANullFile() {
    assertThatNullPointerException()
        .isThrownBy(() -> RegularFiles.requireEnding(null))
        .withMessage("file");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aWriteReplacesOnlyARegularFileOrNothing(@TempDir Path dir) throws Exception {
    Path pipe = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThat(RegularFiles.requireReplaceable(file)).isEqualTo(file);
    assertThat(RegularFiles.requireReplaceable(dir.resolve("absent")))
        .isEqualTo(dir.resolve("absent"));
    assertThat(RegularFiles.requireReplaceable(dir)).isEqualTo(dir);
    assertThatThrownBy(() -> RegularFiles.requireReplaceable(pipe))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(pipe + ": is not a regular file (a device or a pipe is not replaced)");
    assertThatThrownBy(() -> RegularFiles.requireReplaceable(Path.of("/dev/null")))
        .isInstanceOf(FileSystemException.class)
        .hasMessage("/dev/null: is not a regular file (a device or a pipe is not replaced)");
    assertThatNullPointerException()
        .isThrownBy(() -> RegularFiles.requireReplaceable(null))
        .withMessage("target");
  }
}
