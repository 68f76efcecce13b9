package org.interviewtasks.senior.operations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.interviewtasks.senior.operations.testkit.sample.InventoryEnvironment;
import org.interviewtasks.senior.operations.testkit.sample.InventoryJourneyTest;
import org.interviewtasks.senior.operations.testkit.sample.InventoryServiceIntegrationTest;
import org.interviewtasks.senior.operations.testkit.sample.InventoryTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The framework as a whole: the layer suites, discovered through the Launcher as a build would,
 * select exactly their layer's tests; the contract runner and the demo's arguments.
 */
class TestingFrameworkTest {

  private static LauncherDiscoveryRequest suite(Class<?> suite) {
    return LauncherDiscoveryRequestBuilder.request().selectors(selectClass(suite)).build();
  }

  private static List<TestIdentifier> tests(TestPlan plan) {
    return plan.getRoots().stream()
        .flatMap(root -> plan.getDescendants(root).stream())
        .filter(TestIdentifier::isTest)
        .toList();
  }

  /** {@code Class#method} of each Jupiter test. */
  private static Set<String> methods(List<TestIdentifier> tests) {
    return tests.stream()
        .map(t -> t.getSource().orElseThrow())
        .filter(MethodSource.class::isInstance)
        .map(MethodSource.class::cast)
        .map(m -> m.getJavaClass().getSimpleName() + "#" + m.getMethodName())
        .collect(Collectors.toSet());
  }

  /** The oracle: the methods of {@code types} carrying {@code layer}. */
  private static Set<String> annotated(Class<? extends Annotation> layer, Class<?>... types) {
    return Stream.of(types)
        .flatMap(t -> Arrays.stream(t.getDeclaredMethods()))
        .filter(m -> m.isAnnotationPresent(layer))
        .map((Method m) -> m.getDeclaringClass().getSimpleName() + "#" + m.getName())
        .collect(Collectors.toSet());
  }

  private static Set<String> tags(List<TestIdentifier> tests) {
    return tests.stream()
        .flatMap(t -> t.getTags().stream())
        .map(TestTag::getName)
        .collect(Collectors.toSet());
  }

  @Test
  void theUnitSuiteSelectsTheUnitTestsOnly() {
    List<TestIdentifier> tests =
        tests(LauncherFactory.create().discover(suite(UnitLayerSuite.class)));

    assertThat(methods(tests))
        .isNotEmpty()
        .isEqualTo(annotated(UnitTest.class, InventoryTest.class))
        .hasSize(tests.size());
    assertThat(tests).allSatisfy(t -> assertThat(t.getTags()).contains(TestTag.create("unit")));
  }

  @Test
  void theIntegrationSuiteSelectsTheIntegrationTestsOnly() {
    List<TestIdentifier> tests =
        tests(LauncherFactory.create().discover(suite(IntegrationLayerSuite.class)));

    assertThat(methods(tests))
        .isNotEmpty()
        .isEqualTo(annotated(IntegrationTest.class, InventoryServiceIntegrationTest.class))
        .hasSize(tests.size());
    assertThat(tags(tests)).contains("integration", "infra").doesNotContain("unit", "end-to-end");
  }

  @Test
  void theEndToEndSuiteSelectsTheContractsAndTheEndToEndTests() {
    List<TestIdentifier> tests =
        tests(LauncherFactory.create().discover(suite(EndToEndLayerSuite.class)));

    Set<String> contractFiles =
        tests.stream()
            .map(t -> t.getSource().orElseThrow())
            .filter(ClasspathResourceSource.class::isInstance)
            .map(s -> ((ClasspathResourceSource) s).getClasspathResourceName())
            .collect(Collectors.toSet());
    assertThat(contractFiles)
        .containsExactlyInAnyOrder(
            TestingFramework.SAMPLE_CONTRACTS + "/health.contract",
            TestingFramework.SAMPLE_CONTRACTS + "/inventory.contract");
    assertThat(methods(tests)).isEqualTo(annotated(EndToEndTest.class, InventoryJourneyTest.class));
    assertThat(tests).hasSize(9 + methods(tests).size());
    assertThat(tests)
        .allSatisfy(t -> assertThat(t.getTags()).contains(TestTag.create("end-to-end")));
  }

  @Test
  void theLayersDoNotOverlap() {
    var launcher = LauncherFactory.create();
    Set<String> unit = methods(tests(launcher.discover(suite(UnitLayerSuite.class))));
    Set<String> integration = methods(tests(launcher.discover(suite(IntegrationLayerSuite.class))));
    Set<String> endToEnd = methods(tests(launcher.discover(suite(EndToEndLayerSuite.class))));

    assertThat(unit).doesNotContainAnyElementsOf(integration).doesNotContainAnyElementsOf(endToEnd);
    assertThat(integration).doesNotContainAnyElementsOf(endToEnd);
  }

  @Test
  @Tag("infra")
  void theEndToEndSuiteRunsGreen() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(suite(EndToEndLayerSuite.class), listener);

    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getFailures()).isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(10);
  }

  @Test
  @Tag("infra")
  void runsContractsWithATagExpression() {
    TestingFramework.Report report =
        TestingFramework.runContracts(
            List.of(selectClasspathResource(TestingFramework.SAMPLE_CONTRACTS)),
            Map.of(TestingFramework.CONTRACT_LAUNCHER, InventoryEnvironment.class.getName()),
            "smoke");

    assertThat(report.succeeded()).isEqualTo(3);
    assertThat(report.failed()).isZero();
    assertThat(report.lines())
        .containsExactlyInAnyOrder(
            "  ok    health.contract > reports itself up",
            "  ok    inventory.contract > stocks an item",
            "  ok    inventory.contract > reads the item back");
  }

  @Test
  void reportsFailingCasesAndBrokenFilesWithTheirMessages() {
    TestingFramework.Report report =
        TestingFramework.runContracts(
            List.of(
                selectClasspathResource(
                    "org/interviewtasks/senior/operations/testkit/fixtures/bad-status.contract"),
                selectClasspathResource(
                    "org/interviewtasks/senior/operations/testkit/fixtures/tagged.contract")),
            Map.of(),
            "");

    assertThat(report.succeeded()).isZero();
    assertThat(report.failed()).isEqualTo(4);
    assertThat(report.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("  FAIL  bad-status.contract\n        ")
                    .endsWith("bad-status.contract:4: status must be a number from 100 to 599: 99"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("  FAIL  tagged.contract > untagged\n        no service to test"));
  }

  @Test
  void rejectsBadArguments() {
    List<org.junit.platform.engine.DiscoverySelector> some =
        List.of(selectClasspathResource(TestingFramework.SAMPLE_CONTRACTS));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestingFramework.runContracts(List.of(), Map.of(), ""))
        .withMessage("no selector: nothing to run");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestingFramework.runContracts(some, Map.of(), "smoke &"))
        .withMessageStartingWith("not a tag expression: 'smoke &'");
    assertThatNullPointerException()
        .isThrownBy(() -> TestingFramework.runContracts(null, Map.of(), ""))
        .withMessage("selectors");
    assertThatNullPointerException()
        .isThrownBy(() -> TestingFramework.runContracts(some, null, ""))
        .withMessage("configuration");
    assertThatNullPointerException()
        .isThrownBy(() -> TestingFramework.runContracts(some, Map.of(), null))
        .withMessage("tagExpression");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TestingFramework.main("smoke", "extra"))
        .withMessage("usage: senior.operations.3 [TAG_EXPRESSION]");
  }
}
