package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a JVM killed with SIGKILL leaves behind, and how the next group cleans it up. */
@Tag("infra")
class LocalRedisTest {

  @TempDir Path temp;

  @Test
  void reapsTheServersAndFilesOfGroupsWhoseJvmDiedAndNothingElse() throws Exception {
    Path orphaned = Files.createDirectory(temp.resolve("local-redis-orphaned"));
    Process deadJvm = new ProcessBuilder("true").start();
    deadJvm.waitFor();
    Files.writeString(orphaned.resolve("owner.pid"), Long.toString(deadJvm.pid()));
    Process orphan = redis(LocalRedis.extractBinary(orphaned), orphaned);

    Path living = Files.createDirectory(temp.resolve("local-redis-living"));
    Files.writeString(living.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
    Process owned = redis(LocalRedis.extractBinary(living), living);
    Path unowned = Files.createDirectory(temp.resolve("local-redis-unowned"));
    Path elsewhere = Files.createDirectory(temp.resolve("another-redis"));
    Process foreign = redis(LocalRedis.extractBinary(elsewhere), elsewhere);
    try {
      assertThat(LocalRedis.reapOrphans(temp)).isOne();

      assertThat(orphan.isAlive()).isFalse();
      assertThat(orphaned).doesNotExist();
      assertThat(owned.isAlive()).as("a group whose JVM runs").isTrue();
      assertThat(foreign.isAlive()).as("a Redis outside any group").isTrue();
      assertThat(living).exists();
      assertThat(unowned).as("a group still being created").exists();
      assertThat(LocalRedis.reapOrphans(temp)).isZero();
    } finally {
      owned.destroyForcibly().waitFor();
      foreign.destroyForcibly().waitFor();
    }
  }

  private static Process redis(Path binary, Path dir) throws IOException {
    return new ProcessBuilder(
            binary.toString(),
            "--port",
            Integer.toString(FreePorts.free()),
            "--bind",
            FreePorts.LOOPBACK,
            "--save",
            "",
            "--appendonly",
            "no")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
