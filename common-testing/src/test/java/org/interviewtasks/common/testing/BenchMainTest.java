package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptionException;

class BenchMainTest {

  @Test
  void aModuleWithoutBenchmarksIsNotAnError() throws Exception {
    var printed = new ByteArrayOutputStream();

    BenchMain.run(new PrintStream(printed, true, StandardCharsets.UTF_8), "Trie", "-wi", "0");

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo("no benchmark is compiled in this module; nothing to run here%n".formatted());
  }

  @Test
  void aModuleThatWasNotAskedForRunsNothing() throws Exception {
    var printed = new ByteArrayOutputStream();
    System.setProperty("task.runner.module", "mid");
    System.setProperty("task.runner.selected.0", "senior");
    try {
      BenchMain.run(new PrintStream(printed, true, StandardCharsets.UTF_8), "Trie");
    } finally {
      System.clearProperty("task.runner.module");
      System.clearProperty("task.runner.selected.0");
    }

    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "this module was built for another one (-am); its benchmarks do not run%n".formatted());
  }

  @Test
  void aBadCommandLineIsStillAnError() {
    assertThatThrownBy(() -> BenchMain.main("-wi", "not-a-number"))
        .isInstanceOf(CommandLineOptionException.class);
  }
}
