package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(OS.LINUX) // reads the process state from /proc
class SignalsTest {

  @Test
  void stopFreezesAProcessAndContLetsItRun() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      Signals.send(sleeper.toHandle(), "STOP");
      await().atMost(Duration.ofSeconds(10)).until(() -> state(sleeper).equals("T"));

      Signals.send(sleeper.toHandle(), "cont");
      await().atMost(Duration.ofSeconds(10)).until(() -> !state(sleeper).equals("T"));
      assertThat(sleeper.isAlive()).isTrue();
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
  }

  @Test
  void onlyStopAndContAreSent() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Signals.send(ProcessHandle.current(), "KILL"))
        .withMessage("signal must be one of [STOP, CONT]: KILL");
  }

  /** The one-letter state in /proc/<pid>/stat: T for stopped. */
  private static String state(Process process) throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  }
}
