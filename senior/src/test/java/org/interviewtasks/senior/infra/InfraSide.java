package org.interviewtasks.senior.infra;

import java.util.Locale;
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
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
