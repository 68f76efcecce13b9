package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A closed ensemble leaves no file behind, not even the configuration ZooKeeper writes. */
@Tag("infra")
class LocalZooKeeperTest {

  @Test
  void leavesNoConfigurationFileInTheTemporaryFolder() {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Integer> ports = new ArrayList<>();
    Path directory;
    try (LocalZooKeeper zooKeeper = LocalZooKeeper.start(1)) {
      String server = zooKeeper.connectString(0);
      ports.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1)));
      zooKeeper.kill(0);
      zooKeeper.restart(0); // every start writes a new configuration file
      directory = zooKeeper.directory();
      assertThat(directory).isDirectory();
      assertThat(configurationsMentioning(directory, ports)).hasSizeGreaterThanOrEqualTo(2);
    }

    // Other builds on the machine may write such files meanwhile: only ours must be gone.
    assertThat(configurationsMentioning(temp, ports)).isEmpty();
    assertThat(directory).doesNotExist();
  }

  /** The ZooKeeper configuration files directly in {@code folder} that name one of the ports. */
  private static List<Path> configurationsMentioning(Path folder, List<Integer> ports) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(folder, "zookeeper.configuration*.properties")) {
      for (Path file : files) {
        String text;
        try {
          text = Files.readString(file);
        } catch (IOException e) {
          continue; // deleted by its owner meanwhile
        }
        for (int port : ports) {
          if (Pattern.compile("=" + port + "\\b|:" + port + "\\b").matcher(text).find()) {
            found.add(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
