package org.interviewtasks.senior.operations.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.operations.testkit.sample.InventoryEnvironment;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * An automated testing framework for a microservice application, built on the JUnit Platform the
 * way production ones are: three test layers as tags and suites, an extension that starts the
 * service under test with its real dependencies, and a test engine of its own for declarative HTTP
 * contracts, all shown on a sample service ({@link
 * org.interviewtasks.senior.operations.testkit.sample.InventoryService}, an inventory on Redis).
 *
 * <p><b>Layers.</b> {@link UnitTest @UnitTest}, {@link IntegrationTest @IntegrationTest} and {@link
 * EndToEndTest @EndToEndTest} are Jupiter {@code @Test}s tagged {@value #UNIT}, {@value
 * #INTEGRATION} and {@value #END_TO_END}. A layer runs by tag ({@code -Dgroups=unit}) or by its
 * suite ({@code UnitLayerSuite}, ... in the tests: {@code @Suite @IncludeTags}); the whole build
 * runs all of them once. Unit tests use the domain on an in-memory store; integration tests start
 * the real HTTP service on a real Redis with {@link WithService @WithService}; end-to-end tests are
 * contract files that the {@link ContractTestEngine} runs against the whole application.
 *
 * <p><b>Why an engine.</b> Contracts are data, written by people who may not write Java: an engine
 * lets every JUnit tool (Surefire, IDEs, the console launcher, tag filters, reports) run them
 * without a line of glue, and report a failure at the file and line of the case and expectation
 * that failed. A malformed file is a failing container naming its line, never a crashed run.
 *
 * <p><b>Where the service is.</b> The engine reads two configuration parameters. {@value
 * #CONTRACT_BASE_URI} points it at a service that is already running (a staging deployment: the
 * usual home of end-to-end tests, where the framework must not start anything). Otherwise {@value
 * #CONTRACT_LAUNCHER} names a {@link ServiceLauncher} that the engine starts on the first case and
 * stops after the last: the service binds port 0, so its URI exists only after it starts and cannot
 * be written in a parameter. The same launcher interface serves {@code @WithService}, so one class
 * knows how to bring the application up for both. With neither, every case fails saying so.
 *
 * <p><b>Cost.</b> Discovery reads each file once, in time linear in its lines; a run costs one
 * request per case plus one start of the service. The sample's layers together take about a second
 * here, most of it starting Redis.
 *
 * <p><b>Trade-offs and failure modes.</b> Cases of a file share the service's state and run in
 * order: a journey reads naturally, but a failing early case can fail later ones (each failure
 * still names its own line). Surefire hands engines class selectors only, so contracts reach a
 * build through a {@code @Suite} that selects their folder; scans of packages and class-path roots
 * skip folders marked with a {@code contracts.ignore} file, where deliberately failing fixtures
 * live. A service that does not start fails each case with the one cause.
 *
 * <p><b>Follow-ups.</b> <i>"How would a case use a value another case produced, such as an order
 * id?"</i> A {@code capture: id = /id} directive storing a JSON field into a variable of the file,
 * and {@code ${id}} expanded in later paths and bodies. <i>"How do you run the end-to-end layer
 * against staging?"</i> Give the suite the configuration parameter {@value #CONTRACT_BASE_URI}
 * (with Surefire, {@code -Dtestkit.contract.baseUri=https://staging...}: the platform reads system
 * properties as parameters); it wins over the launcher, so no contract starts anything locally.
 * Jupiter end-to-end tests still start their {@code @WithService}; a staging run would select the
 * contracts only. <i>"Why not mock Redis in the integration layer?"</i> The atomic reservation is a
 * Lua script: only a real Redis proves it runs, and runs atomically.
 */
@Task(
    id = "senior.operations.3",
    title = "Testing framework",
    usage = "[TAG_EXPRESSION]   run the contract cases whose tags match, e.g. smoke")
public final class TestingFramework {

  /** The tag of the unit layer. */
  public static final String UNIT = "unit";

  /** The tag of the integration layer. */
  public static final String INTEGRATION = "integration";

  /** The tag of the end-to-end layer, which every contract case carries too. */
  public static final String END_TO_END = "end-to-end";

  /** Configuration parameter: the base URI of a running service for the contract engine. */
  public static final String CONTRACT_BASE_URI = "testkit.contract.baseUri";

  /**
   * Configuration parameter: the class name of a {@link ServiceLauncher} (public, no-argument
   * constructor) that the contract engine starts when {@value #CONTRACT_BASE_URI} is not set.
   */
  public static final String CONTRACT_LAUNCHER = "testkit.contract.launcher";

  /**
   * Configuration parameter: tags every contract case gets besides its own, by comma or space; for
   * example {@code infra} when the launcher starts a server, so that {@code -DexcludedGroups=infra}
   * leaves the cases out.
   */
  public static final String CONTRACT_TAGS = "testkit.contract.tags";

  /** Configuration parameter: an ISO-8601 duration for each contract request (default PT10S). */
  public static final String CONTRACT_TIMEOUT = "testkit.contract.timeout";

  /** The class-path folder of the sample service's contract files. */
  public static final String SAMPLE_CONTRACTS =
      "org/interviewtasks/senior/operations/testkit/sample/contracts";

  private TestingFramework() {}

  /**
   * What a run of contracts did.
   *
   * @param lines one line per case ({@code file > case}) and per file that failed to parse, in run
   *     order
   * @param succeeded how many cases passed
   * @param failed how many cases and files failed
   */
  public record Report(List<String> lines, long succeeded, long failed) {
    /** Copies the lines. */
    public Report {
      lines = List.copyOf(lines);
    }
  }

  /**
   * Runs contract files through the JUnit Platform launcher, with the contract engine only.
   *
   * @param selectors what to run, e.g. {@code selectClasspathResource(SAMPLE_CONTRACTS)}
   * @param configuration configuration parameters, e.g. {@value #CONTRACT_LAUNCHER}
   * @param tagExpression a JUnit tag expression that cases must match, or blank for all
   * @throws IllegalArgumentException if there is no selector or the tag expression is malformed
   */
  public static Report runContracts(
      List<? extends DiscoverySelector> selectors,
      Map<String, String> configuration,
      String tagExpression) {
    Objects.requireNonNull(selectors, "selectors");
    Objects.requireNonNull(configuration, "configuration");
    Objects.requireNonNull(tagExpression, "tagExpression");
    if (selectors.isEmpty()) {
      throw new IllegalArgumentException("no selector: nothing to run");
    }
    for (int i = 0; i < selectors.size(); i++) {
      Objects.requireNonNull(selectors.get(i), "selector " + i + " is null");
    }
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .configurationParameters(configuration);
    if (!tagExpression.isBlank()) {
      try {
        request.filters(TagFilter.includeTags(tagExpression));
      } catch (PreconditionViolationException e) {
        throw new IllegalArgumentException(
            "not a tag expression: '" + tagExpression + "': " + e.getMessage(), e);
      }
    }
    LauncherDiscoveryRequest built = request.build();
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new ContractTestEngine())
                .build());
    List<String> lines = new ArrayList<>();
    AtomicLong succeeded = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    launcher.execute(
        built,
        new TestExecutionListener() {
          private TestPlan plan;

          @Override
          public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean ok = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
            if (id.isTest() || (!ok && id.getParentId().isPresent())) {
              (ok ? succeeded : failed).incrementAndGet();
              String file =
                  id.isTest()
                      ? plan.getParent(id).map(p -> p.getDisplayName() + " > ").orElse("")
                      : "";
              String message =
                  result.getThrowable().map(t -> "\n        " + t.getMessage()).orElse("");
              lines.add((ok ? "  ok    " : "  FAIL  ") + file + id.getDisplayName() + message);
            }
          }
        });
    return new Report(lines, succeeded.get(), failed.get());
  }

  /**
   * The demo: starts the sample application (Redis and the inventory service), runs its contract
   * files against it and prints one line per case. {@code args}: an optional tag expression, such
   * as {@code smoke} or {@code !validation}.
   *
   * @throws IllegalArgumentException for more than one argument or a malformed tag expression
   */
  public static void main(String... args) {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: senior.operations.3 [TAG_EXPRESSION]");
    }
    String tags = args.length == 1 ? args[0] : "";
    Report report =
        runContracts(
            List.of(DiscoverySelectors.selectClasspathResource(SAMPLE_CONTRACTS)),
            Map.of(CONTRACT_LAUNCHER, InventoryEnvironment.class.getName()),
            tags);
    System.out.println(
        "contract files of the sample service"
            + (tags.isBlank() ? "" : " (tags: " + tags + ")")
            + ", run by the "
            + ContractTestEngine.ID
            + " engine:");
    report.lines().forEach(System.out::println);
    System.out.println(
        "contracts: " + report.succeeded() + " succeeded, " + report.failed() + " failed");
  }
}
