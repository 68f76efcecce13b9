package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

  /** Started as a child: prints its arguments, so the test sees the child ran this class. */
  public static final class Echo {
    private Echo() {}

    public static void main(String... args) {
      System.out.print(String.join("|", args) + "|" + System.getProperty("child.mark"));
    }
  }

  @Test
  void theChildRunsTheClassOfThisClassPathWithItsOptionsAndArguments()
      throws IOException, InterruptedException {
    List<String> command =
        ChildJvm.command(
            List.of("-Xmx32m", "-Dchild.mark=ünï ✓"), Echo.class, List.of("a b", "", "ç"));

    assertThat(command.getFirst()).isEqualTo(ChildJvm.java().toString());
    assertThat(command.subList(1, 5))
        .containsExactly("-Xmx32m", "-Dchild.mark=ünï ✓", "-cp", ChildJvm.classPath());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(out).isZero();
      assertThat(out).isEqualTo("a b||ç|ünï ✓");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void theChildNamesTheSlf4jBackendThisJvmNamedUnlessItsOptionsNameOne() {
    String provider = System.getProperty("slf4j.provider");
    org.junit.jupiter.api.Assumptions.assumeTrue(provider != null, "the build names a provider");

    assertThat(ChildJvm.command(List.of(), Echo.class, List.of()))
        .contains("-Dslf4j.provider=" + provider);
    assertThat(ChildJvm.command(List.of("-Dslf4j.provider=other"), Echo.class, List.of()))
        .filteredOn(o -> o.startsWith("-Dslf4j.provider="))
        .containsExactly("-Dslf4j.provider=other");
  }

  @Test
  void theClassPathIsThisJvmsWhenTheLoaderHasNoUrls() {
    assertThat(ChildJvm.classPath()).isEqualTo(System.getProperty("java.class.path"));
    assertThat(ChildJvm.java()).exists();
  }

  @Test
  void rejectsWhatCannotStart() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ChildJvm.command(List.of(), String.class, List.of()))
        .withMessage("java.lang.String has no public main(String[])");
    assertThatNullPointerException()
        .isThrownBy(() -> ChildJvm.command(List.of(), null, List.of()))
        .withMessage("mainClass");
    assertThatNullPointerException()
        .isThrownBy(() -> ChildJvm.command(null, Echo.class, List.of()))
        .withMessage("jvmOptions");
    assertThatNullPointerException()
        .isThrownBy(() -> ChildJvm.command(List.of(), Echo.class, null))
        .withMessage("args");
  }
}
