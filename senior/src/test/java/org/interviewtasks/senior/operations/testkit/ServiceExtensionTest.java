package org.interviewtasks.senior.operations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.interviewtasks.senior.operations.testkit.sample.InMemoryStockStore;
import org.interviewtasks.senior.operations.testkit.sample.Inventory;
import org.interviewtasks.senior.operations.testkit.sample.InventoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@link WithService} run through Jupiter's test kit: one start per class, shared by its tests and
 * nested classes, stopped after the class, launcher constructors resolved through the test's other
 * extensions, and clear failures.
 */
class ServiceExtensionTest {

  /** The fixture classes below run only through the test kit, never on their own. */
  static final class OnlyThroughTheTestKit implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter("testkit.fixtures").isPresent()
          ? ConditionEvaluationResult.enabled("run by ServiceExtensionTest")
          : ConditionEvaluationResult.disabled("a fixture of ServiceExtensionTest");
    }
  }

  static final List<String> EVENTS = new ArrayList<>();

  private static EngineExecutionResults run(Class<?> fixture) {
    EVENTS.clear();
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("testkit.fixtures", "true")
        .execute();
  }

  /** Records its starts and stops in {@link #EVENTS}, named by what it was given. */
  static final class Recording implements ServiceLauncher {
    private final String name;

    Recording(String name) {
      this.name = name;
    }

    @Override
    public RunningService start() {
      EVENTS.add("start " + name);
      InventoryService service =
          InventoryService.start(new Inventory(new InMemoryStockStore()), "memory", 0);
      return new RunningService() {
        @Override
        public URI baseUri() {
          return service.baseUri();
        }

        @Override
        public void close() {
          EVENTS.add("stop " + name);
          service.close();
        }
      };
    }
  }

  /** Gives a launcher its name, as {@code @RedisServers} gives one its servers. */
  static final class NameResolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == String.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return "service-of-" + context.getRequiredTestClass().getSimpleName();
    }
  }

  @ExtendWith({OnlyThroughTheTestKit.class, NameResolver.class})
  @WithService(Recording.class)
  static class SharedFixture {
    static final List<URI> SEEN = new ArrayList<>();

    @BeforeAll
    static void before(URI baseUri) {
      SEEN.add(baseUri);
    }

    @Test
    void first(ServiceClient client, URI baseUri) {
      SEEN.add(baseUri);
      assertThat(client.get("/health").status()).isEqualTo(200);
      EVENTS.add("test");
    }

    @Test
    void second(RunningService service) {
      SEEN.add(service.baseUri());
      EVENTS.add("test");
    }

    @Nested
    class Inner {
      @Test
      void nestedUsesTheSameService(URI baseUri) {
        SEEN.add(baseUri);
        EVENTS.add("test");
      }
    }
  }

  @Test
  void startsOncePerClassSharesItAndStopsAfterTheClass() {
    SharedFixture.SEEN.clear();

    run(SharedFixture.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));

    assertThat(EVENTS)
        .containsExactly(
            "start service-of-SharedFixture",
            "test",
            "test",
            "test",
            "stop service-of-SharedFixture");
    assertThat(SharedFixture.SEEN).hasSize(4).containsOnly(SharedFixture.SEEN.get(0));
  }

  /** A launcher that cannot start. */
  static final class Broken implements ServiceLauncher {
    @Override
    public RunningService start() {
      throw new IllegalStateException("port exhausted");
    }
  }

  @ExtendWith(OnlyThroughTheTestKit.class)
  @WithService(Broken.class)
  static class BrokenFixture {
    @Test
    void needsTheService(URI baseUri) {
      assertThat(baseUri).isNotNull();
    }
  }

  @Test
  void aServiceThatDoesNotStartFailsItsTestsWithTheCause() {
    EngineExecutionResults results = run(BrokenFixture.class);

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    Throwable failure =
        results
            .testEvents()
            .failed()
            .list()
            .get(0)
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    assertThat(failure)
        .hasMessageContaining(Broken.class.getName() + " could not start")
        .hasMessageContaining("port exhausted");
  }

  /** A launcher with two constructors: which one is meant? */
  static final class Ambiguous implements ServiceLauncher {
    Ambiguous() {}

    Ambiguous(String name) {
      EVENTS.add(name);
    }

    @Override
    public RunningService start() {
      throw new UnsupportedOperationException();
    }
  }

  @ExtendWith(OnlyThroughTheTestKit.class)
  @WithService(Ambiguous.class)
  static class AmbiguousFixture {
    @Test
    void needsTheService(URI baseUri) {
      assertThat(baseUri).isNotNull();
    }
  }

  @Test
  void aLauncherNeedsExactlyOneConstructor() {
    EngineExecutionResults results = run(AmbiguousFixture.class);

    assertThat(
            results
                .testEvents()
                .failed()
                .list()
                .get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow())
        .hasMessageContaining(
            Ambiguous.class.getName() + " must have exactly one constructor, has 2");
  }

  @Test
  void theClientRejectsBadArguments() {
    try (ServiceClient client = new ServiceClient(URI.create("http://127.0.0.1:9/"))) {
      assertThat(client.baseUri()).hasToString("http://127.0.0.1:9/");
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
          .isThrownBy(() -> client.get("health"))
          .withMessage("path must start with /: health");
      org.assertj.core.api.Assertions.assertThatNullPointerException()
          .isThrownBy(() -> client.send(null, "/", List.of(), ""))
          .withMessage("method");
    }
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> new ServiceClient(URI.create("/relative")))
        .withMessage("base URI must be absolute http(s) with a host: /relative");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new ServiceClient(URI.create("http://127.0.0.1:9"), java.time.Duration.ZERO))
        .withMessage("timeout must be positive: PT0S");
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> new ServiceClient(null))
        .withMessage("baseUri");
  }

  @Test
  void anUnreachableServiceIsAnErrorNamingTheRequest() {
    int closedPort;
    try (InventoryService service =
        InventoryService.start(new Inventory(new InMemoryStockStore()), "memory", 0)) {
      closedPort = service.baseUri().getPort();
    }
    try (ServiceClient client = new ServiceClient(URI.create("http://127.0.0.1:" + closedPort))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.get("/health"))
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessageStartingWith("GET http://127.0.0.1:" + closedPort + "/health failed");
    }
  }
}
