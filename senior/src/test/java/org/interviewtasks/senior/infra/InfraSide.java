package org.interviewtasks.senior.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
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
          side = decide(System.getProperty(PROPERTY), InfraSide::whyNoContainers);
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
   * The side for a value of {@code -Dinfra} (null or blank: automatic), {@code dockerAvailable}
   * telling only whether containers can run.
   *
   * @throws PreconditionViolationException for an unknown value, or {@code containers} without
   *     Docker
   */
  static InfraSide resolve(String property, BooleanSupplier dockerAvailable) {
    return decide(
        property,
        () -> dockerAvailable.getAsBoolean() ? Optional.<String>empty() : Optional.of(NO_ENGINE));
  }

  /**
   * The side for a value of {@code -Dinfra} (null or blank: automatic), {@code whyNoContainers}
   * giving the reason containers cannot run here, or nothing when they can.
   *
   * @throws PreconditionViolationException for an unknown value, or {@code containers} when they
   *     cannot run (the message gives the reason)
   */
  static InfraSide decide(String property, Supplier<Optional<String>> whyNoContainers) {
    String value = property == null ? "" : property.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "" -> {
        Optional<String> why = whyNoContainers.get();
        if (why.isPresent() && !why.get().equals(NO_ENGINE)) {
          // An engine is there but unusable: embedded servers still test, but say why.
          LoggerFactory.getLogger("org.interviewtasks.senior.infra")
              .warn("servers: embedded, because {}", why.get());
        }
        yield why.isEmpty() ? CONTAINERS : EMBEDDED;
      }
      case "embedded" -> EMBEDDED;
      case "containers" -> {
        Optional<String> why = whyNoContainers.get();
        if (why.isPresent()) {
          throw new PreconditionViolationException(
              "-Dinfra=containers, but "
                  + why.get()
                  + "; "
                  + (why.get().equals(NO_ENGINE) ? "start Docker" : "fix that")
                  + ", or run with -Dinfra=embedded (or without -Dinfra) to use embedded servers");
        }
        yield CONTAINERS;
      }
      default ->
          throw new PreconditionViolationException(
              "-Dinfra must be embedded or containers (or absent): '" + property + "'");
    };
  }

  /** The reason when no engine answers at all. */
  static final String NO_ENGINE = "no Docker engine answers";

  private static Optional<String> whyNoContainers() {
    if (!dockerMightBeThere(System.getenv(), System.getProperty("user.home"))) {
      return Optional.of(NO_ENGINE);
    }
    DockerClientFactory docker = DockerClientFactory.instance();
    return whyNoContainers(
        () -> docker.getTransportConfig().getDockerHost().toString(), docker::client);
  }

  /**
   * Why Testcontainers cannot run containers, in two steps that fail for different reasons: {@code
   * findEngine} finds an engine that answers (and names it), {@code connect} then readies
   * Testcontainers on it, starting its Ryuk container among other things. An engine that answers
   * but on which Testcontainers cannot start (Ryuk refused, a check failed) is reported as such,
   * with the cause, not as a missing engine.
   */
  static Optional<String> whyNoContainers(Supplier<String> findEngine, Runnable connect) {
    String engine;
    try {
      engine = findEngine.get();
    } catch (RuntimeException | LinkageError e) {
      return Optional.of(NO_ENGINE);
    }
    try {
      connect.run();
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.of(
          "the Docker engine at "
              + engine
              + " answers, but Testcontainers cannot start on it: "
              + causes(e));
    }
  }

  /** Each message of the cause chain, outermost first, separated by ": ". */
  private static String causes(Throwable e) {
    StringBuilder text = new StringBuilder();
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
      String message = cause.getMessage();
      String part =
          cause.getClass().getSimpleName() + (message == null ? "" : " (" + message.strip() + ")");
      if (!text.isEmpty()) {
        text.append(": ");
      }
      text.append(part);
    }
    return text.toString();
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
