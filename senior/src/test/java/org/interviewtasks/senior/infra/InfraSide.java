package org.interviewtasks.senior.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.platform.commons.PreconditionViolationException;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Which servers the extensions start: embedded ones (in this JVM or as child processes from Maven
 * artifacts) or Testcontainers with the official images.
 *
 * <p>{@code -Dinfra=embedded} and {@code -Dinfra=containers} force a side; without it the side is
 * containers when a Docker engine answers, embedded otherwise. A forced {@code containers} with no
 * Docker engine is a <i>failure</i> with the reason, not a skip: whoever forces containers wants
 * the tests run against them, and skipped tests would let such a build pass having tested nothing.
 */
enum InfraSide {
  EMBEDDED,
  CONTAINERS;

  /** The system property that forces a side. */
  static final String PROPERTY = "infra";

  private static volatile InfraSide current;

  /** The side for this test JVM, decided once. */
  static InfraSide current() {
    InfraSide side = current;
    if (side == null) {
      synchronized (InfraSide.class) {
        side = current;
        if (side == null) {
          long begin = System.nanoTime();
          side = resolve(System.getProperty(PROPERTY), InfraSide::dockerAnswers);
          LoggerFactory.getLogger("org.interviewtasks.senior.infra")
              .info(
                  "servers: {} (decided in {} ms)",
                  side.name().toLowerCase(Locale.ROOT),
                  (System.nanoTime() - begin) / 1_000_000);
          current = side;
        }
      }
    }
    return side;
  }

  /**
   * The side for a value of {@code -Dinfra} (null or blank: automatic).
   *
   * @throws PreconditionViolationException for an unknown value, or {@code containers} without
   *     Docker
   */
  static InfraSide resolve(String property, BooleanSupplier dockerAvailable) {
    String value = property == null ? "" : property.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "" -> dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
      case "embedded" -> EMBEDDED;
      case "containers" -> {
        if (!dockerAvailable.getAsBoolean()) {
          throw new PreconditionViolationException(
              "-Dinfra=containers, but no Docker engine answers; start Docker, or run with"
                  + " -Dinfra=embedded (or without -Dinfra) to use embedded servers");
        }
        yield CONTAINERS;
      }
      default ->
          throw new PreconditionViolationException(
              "-Dinfra must be embedded or containers (or absent): '" + property + "'");
    };
  }

  private static boolean dockerAnswers() {
    if (!dockerMightBeThere(System.getenv(), System.getProperty("user.home"))) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /**
   * A quick look for a Docker engine before asking Testcontainers, whose search for one takes
   * seconds when there is none: a {@code DOCKER_HOST}, a Testcontainers configuration file, or a
   * socket where Docker, Docker Desktop, Colima, Rancher Desktop or rootless Docker put it. On
   * Windows (named pipes) Testcontainers is always asked.
   */
  static boolean dockerMightBeThere(Map<String, String> env, String home) {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows")
        || env.containsKey("DOCKER_HOST")
        || env.containsKey("TESTCONTAINERS_HOST_OVERRIDE")) {
      return true;
    }
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/var/run/docker.sock")));
    if (home != null) {
      Path h = Path.of(home);
      candidates.addAll(
          List.of(
              h.resolve(".testcontainers.properties"),
              h.resolve(".docker/run/docker.sock"),
              h.resolve(".docker/desktop/docker.sock"),
              h.resolve(".colima/default/docker.sock"),
              h.resolve(".rd/docker.sock")));
    }
    String runtimeDir = env.get("XDG_RUNTIME_DIR");
    if (runtimeDir != null) {
      candidates.add(Path.of(runtimeDir, "docker.sock"));
    }
    return candidates.stream().anyMatch(Files::exists);
  }
}
