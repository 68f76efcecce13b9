package org.interviewtasks.senior.operations.testkit;

/**
 * Starts a service under test and its dependencies: the one hook both halves of the framework use.
 *
 * <p>{@link WithService} runs it for a Jupiter test class, and resolves the launcher's constructor
 * parameters through the test's own extensions (so a launcher may take, say, the Redis servers of
 * {@code @RedisServers}). {@link ContractTestEngine} runs it when the configuration parameter
 * {@value TestingFramework#CONTRACT_LAUNCHER} names its class; it then needs a public constructor
 * without parameters, since an engine has no test's extensions to ask.
 */
@FunctionalInterface
public interface ServiceLauncher {

  /**
   * Starts the service on a free loopback port and returns it running.
   *
   * @throws Exception if it cannot start; what started so far is stopped first
   */
  RunningService start() throws Exception;
}
