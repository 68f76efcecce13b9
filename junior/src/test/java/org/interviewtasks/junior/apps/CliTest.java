package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.interviewtasks.common.TaskExit;
import org.junit.jupiter.api.Test;

class CliTest {

  @Test
  void exitCodesArePicocliDefaults() {
    assertThat(Cli.OK).isZero();
    assertThat(Cli.FAILED).isEqualTo(1);
    assertThat(Cli.USAGE).isEqualTo(2);
  }

  @Test
  void exitMapsCodesForTheTaskRunner() {
    Cli.exit("junior.apps.0", 0);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Cli.exit("junior.apps.0", 2))
        .withMessage("usage: junior.apps.0 --help shows how to call it");
    assertThatThrownBy(() -> Cli.exit("junior.apps.0", 1))
        .isInstanceOf(TaskExit.class)
        .hasMessage("exit code 1");
    assertThatThrownBy(() -> Cli.exit("junior.apps.0", 3))
        .isInstanceOfSatisfying(TaskExit.class, e -> assertThat(e.code()).isEqualTo(3))
        .hasMessage("exit code 3");
  }

  @Test
  void describeUsesTheMessageOrElseTheClassName() {
    assertThat(Cli.describe(new IOException("disk full"))).isEqualTo("disk full");
    assertThat(Cli.describe(new IOException())).isEqualTo("IOException");
    assertThat(Cli.describe(new IOException("  "))).isEqualTo("IOException");
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(new Cli.Version().getVersion()).containsExactly("interview-tasks " + Cli.version());
    assertThat(Cli.version()).matches("\\d+\\.\\d+\\.\\d+.*");
  }
}
