package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.commons.PreconditionViolationException;

/** How -Dinfra and the presence of Docker pick the side; no server is started here. */
class InfraSideTest {

  @ParameterizedTest(name = "-Dinfra=''{0}'', docker {1} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, true, CONTAINERS",
        "null, false, EMBEDDED",
        "'', true, CONTAINERS",
        "'  ', false, EMBEDDED",
        "embedded, true, EMBEDDED",
        "EMBEDDED, false, EMBEDDED",
        "containers, true, CONTAINERS",
        " Containers , true, CONTAINERS"
      })
  void picksTheSide(String property, boolean docker, InfraSide expected) {
    assertThat(InfraSide.resolve(property, () -> docker)).isEqualTo(expected);
  }

  @Test
  void embeddedNeverAsksForDocker() {
    AtomicInteger asked = new AtomicInteger();

    InfraSide.resolve("embedded", () -> asked.incrementAndGet() > 0);

    assertThat(asked).hasValue(0);
  }

  @Test
  void forcedContainersWithoutDockerFailsWithTheReasonInsteadOfSkipping() {
    assertThatThrownBy(() -> InfraSide.resolve("containers", () -> false))
        .isInstanceOf(PreconditionViolationException.class)
        .hasMessage(
            "-Dinfra=containers, but no Docker engine answers; start Docker, or run with"
                + " -Dinfra=embedded (or without -Dinfra) to use embedded servers");
  }

  @Test
  void looksForADockerSocketBeforeAskingTestcontainers(@TempDir Path home) throws Exception {
    Map<String, String> noEnv = Map.of();
    boolean linuxLike = !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("windows");
    boolean systemSocket = Files.exists(Path.of("/var/run/docker.sock"));

    assertThat(InfraSide.dockerMightBeThere(noEnv, home.toString()))
        .isEqualTo(!linuxLike || systemSocket);
    assertThat(InfraSide.dockerMightBeThere(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), null))
        .isTrue();
    assertThat(InfraSide.dockerMightBeThere(Map.of("TESTCONTAINERS_HOST_OVERRIDE", "x"), null))
        .isTrue();
    Files.createDirectories(home.resolve(".docker/run"));
    Files.createFile(home.resolve(".docker/run/docker.sock"));
    assertThat(InfraSide.dockerMightBeThere(noEnv, home.toString())).isTrue();
    Path runtime = Files.createDirectory(home.resolve("runtime"));
    assertThat(InfraSide.dockerMightBeThere(Map.of("XDG_RUNTIME_DIR", runtime.toString()), null))
        .isEqualTo(!linuxLike || systemSocket);
    Files.createFile(runtime.resolve("docker.sock"));
    assertThat(InfraSide.dockerMightBeThere(Map.of("XDG_RUNTIME_DIR", runtime.toString()), null))
        .isTrue();
  }

  @Test
  void anEngineThatAnswersButOnWhichTestcontainersCannotStartIsReportedWithTheCause() {
    RuntimeException ryuk =
        new IllegalStateException(
            "Could not connect to Ryuk at 127.0.0.1:32768",
            new java.io.IOException("Connection refused"));

    var why =
        InfraSide.whyNoContainers(
            () -> "unix:///run/x/docker.sock",
            () -> {
              throw ryuk;
            });

    assertThat(why)
        .contains(
            "the Docker engine at unix:///run/x/docker.sock answers, but Testcontainers cannot"
                + " start on it: IllegalStateException (Could not connect to Ryuk at"
                + " 127.0.0.1:32768): IOException (Connection refused)");
    assertThatThrownBy(() -> InfraSide.decide("containers", () -> why))
        .isInstanceOf(PreconditionViolationException.class)
        .hasMessage(
            "-Dinfra=containers, but "
                + why.orElseThrow()
                + "; fix that, or run with -Dinfra=embedded (or without -Dinfra) to use embedded"
                + " servers");
    assertThat(InfraSide.decide(null, () -> why)).isEqualTo(InfraSide.EMBEDDED);
  }

  @Test
  void noEngineAndAWorkingOneAreToldApart() {
    assertThat(
            InfraSide.whyNoContainers(
                () -> {
                  throw new IllegalStateException("Could not find a valid Docker environment");
                },
                () -> {
                  throw new AssertionError("not asked when no engine answers");
                }))
        .contains("no Docker engine answers");
    assertThat(InfraSide.whyNoContainers(() -> "unix:///var/run/docker.sock", () -> {})).isEmpty();
  }

  @Test
  void rejectsUnknownSides() {
    assertThatThrownBy(() -> InfraSide.resolve("docker", () -> true))
        .isInstanceOf(PreconditionViolationException.class)
        .hasMessage("-Dinfra must be embedded or containers (or absent): 'docker'");
  }

  @Test
  void endpointsAreCheckedAndPrintAsHostColonPort() {
    assertThat(Endpoint.loopback(6379)).hasToString("127.0.0.1:6379");
    assertThatThrownBy(() -> new Endpoint("h", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1..65535: 0");
    assertThatThrownBy(() -> new Endpoint("h", 65_536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be 1..65535: 65536");
    assertThatThrownBy(() -> new Endpoint(" ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("host is blank");
    assertThat(new Endpoint("h", 65_535).port()).isEqualTo(65_535);
    assertThat(FreePorts.free()).isBetween(1, 65_535);
  }
}
