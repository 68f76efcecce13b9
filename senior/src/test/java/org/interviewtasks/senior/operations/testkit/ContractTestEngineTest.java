package org.interviewtasks.senior.operations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.interviewtasks.senior.operations.testkit.sample.InMemoryStockStore;
import org.interviewtasks.senior.operations.testkit.sample.Inventory;
import org.interviewtasks.senior.operations.testkit.sample.InventoryEnvironment;
import org.interviewtasks.senior.operations.testkit.sample.InventoryService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * The contract engine run through the JUnit Platform's test kit: discovery from every kind of
 * selector, filtering by tags, execution against a service, and the reports of failing and broken
 * files, with their sources.
 */
class ContractTestEngineTest {

  private static final String FIXTURES = "org/interviewtasks/senior/operations/testkit/fixtures";
  private static final String FAILING = FIXTURES + "/failing.contract";
  private static final String TAGGED = FIXTURES + "/tagged.contract";

  private static InventoryService service;

  @BeforeAll
  static void startService() {
    service = InventoryService.start(new Inventory(new InMemoryStockStore()), "memory", 0);
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  private static EngineTestKit.Builder kit(DiscoverySelector... selectors) {
    return EngineTestKit.engine(new ContractTestEngine())
        .selectors(selectors)
        .configurationParameter(TestingFramework.CONTRACT_BASE_URI, service.baseUri().toString());
  }

  private static Set<String> fileNames(TestDescriptor engine) {
    return engine.getChildren().stream()
        .map(TestDescriptor::getDisplayName)
        .collect(Collectors.toSet());
  }

  private static Set<String> testNames(EngineExecutionResults results) {
    return results.testEvents().started().stream()
        .map(e -> e.getTestDescriptor().getDisplayName())
        .collect(Collectors.toSet());
  }

  private static Event failedTest(EngineExecutionResults results, String name) {
    return results.testEvents().failed().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no failed test " + name));
  }

  private static Throwable failure(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  @Test
  @Tag("infra")
  void runsTheSampleContractsAgainstTheStartedApplication() {
    EngineExecutionResults results =
        EngineTestKit.engine(new ContractTestEngine())
            .selectors(selectClasspathResource(TestingFramework.SAMPLE_CONTRACTS))
            .configurationParameter(
                TestingFramework.CONTRACT_LAUNCHER, InventoryEnvironment.class.getName())
            .execute();

    results.testEvents().assertStatistics(s -> s.started(9).succeeded(9).failed(0).skipped(0));
    results.containerEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0));
  }

  @Test
  void reportsAFailingCaseWithItsFileLineAndMismatches() {
    EngineExecutionResults results = kit(selectClasspathResource(FAILING)).execute();

    results.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(2));
    Event wrongStatus = failedTest(results, "expects the wrong status");
    assertThat(failure(wrongStatus))
        .isInstanceOfSatisfying(
            AssertionFailedError.class,
            e -> {
              assertThat(e.getExpected().getStringRepresentation()).isEqualTo("200");
              assertThat(e.getActual().getStringRepresentation()).isEqualTo("404");
            })
        .hasMessageStartingWith(FAILING + ":9: expected status 200 but was 404; body: {")
        .hasMessageContaining("no item MISSING-1");
    assertThat(wrongStatus.getTestDescriptor().getSource())
        .contains(ClasspathResourceSource.from(FAILING, FilePosition.from(7)));

    Event twoMisses = failedTest(results, "misses two expectations");
    assertThat(failure(twoMisses).getMessage())
        .startsWith(
            "2 expectations failed:\n"
                + FAILING
                + ":14: expected JSON field /status = \"DOWN\" but was \"UP\"\n"
                + FAILING
                + ":15: expected the body to contain 'no such text' but it was: {\"status\":\"UP\"");
    assertThat(twoMisses.getTestDescriptor().getSource())
        .contains(ClasspathResourceSource.from(FAILING, FilePosition.from(11)));
  }

  @Test
  void reportsAMalformedFileAsAFailedContainerAtTheLineOfTheError() {
    EngineExecutionResults results =
        kit(
                selectClasspathResource(FIXTURES + "/malformed.contract"),
                selectClasspathResource(TAGGED))
            .execute();

    results.containerEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
    results.testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    Event broken = results.containerEvents().failed().list().get(0);
    assertThat(broken.getTestDescriptor().getDisplayName()).isEqualTo("malformed.contract");
    assertThat(broken.getTestDescriptor().getSource())
        .contains(
            ClasspathResourceSource.from(FIXTURES + "/malformed.contract", FilePosition.from(5)));
    assertThat(failure(broken))
        .isInstanceOf(ContractSyntaxException.class)
        .hasMessageStartingWith(
            FIXTURES + "/malformed.contract:5: unknown keyword 'frobnicate'; expected one of");
  }

  @Test
  void reportsABadStatusAtItsLine() {
    EngineExecutionResults results =
        kit(selectClasspathResource(FIXTURES + "/bad-status.contract")).execute();

    Event broken = results.containerEvents().failed().list().get(0);
    assertThat(failure(broken))
        .hasMessage(
            FIXTURES + "/bad-status.contract:4: status must be a number from 100 to 599: 99");
    assertThat(broken.getTestDescriptor().getSource())
        .contains(
            ClasspathResourceSource.from(FIXTURES + "/bad-status.contract", FilePosition.from(4)));
  }

  @Test
  void tagFiltersSelectCases() {
    assertThat(
            testNames(
                kit(selectClasspathResource(TAGGED))
                    .filters(TagFilter.includeTags("fast"))
                    .execute()))
        .containsExactly("fast one");
    assertThat(
            testNames(
                kit(selectClasspathResource(TAGGED))
                    .filters(TagFilter.excludeTags("slow"))
                    .execute()))
        .containsExactlyInAnyOrder("untagged", "fast one");
    assertThat(
            testNames(
                kit(selectClasspathResource(TAGGED))
                    .filters(TagFilter.includeTags("end-to-end & !db"))
                    .execute()))
        .containsExactlyInAnyOrder("untagged", "fast one");
    EngineExecutionResults none =
        kit(selectClasspathResource(TAGGED)).filters(TagFilter.includeTags("unit")).execute();
    none.allEvents().assertStatistics(s -> s.started(1)); // the engine only
  }

  @Test
  void casesCarryTheirTagsTheLayerTagAndTheConfiguredOnes() {
    TestDescriptor engine =
        kit(selectClasspathResource(TAGGED))
            .configurationParameter(TestingFramework.CONTRACT_TAGS, "infra, nightly")
            .discover()
            .getEngineDescriptor();

    TestDescriptor file = engine.getChildren().iterator().next();
    TestDescriptor slow =
        file.getChildren().stream()
            .filter(d -> d.getDisplayName().equals("slow one"))
            .findFirst()
            .orElseThrow();
    assertThat(slow.getTags())
        .extracting(TestTag::getName)
        .containsExactlyInAnyOrder("end-to-end", "infra", "nightly", "slow", "db");
    assertThat(file.getChildren())
        .extracting(TestDescriptor::getDisplayName)
        .containsExactly("untagged", "fast one", "slow one");
    assertThat(file.getUniqueId().getLastSegment().getType()).isEqualTo("resource");
    assertThat(file.getUniqueId().getLastSegment().getValue()).isEqualTo(TAGGED);
  }

  @Test
  void aBadExtraTagFailsTheEngineNamingTheParameter() {
    assertThatThrownBy(
            () ->
                kit(selectClasspathResource(TAGGED))
                    .configurationParameter(TestingFramework.CONTRACT_TAGS, "ok, not(ok)")
                    .discover())
        .hasRootCauseMessage("testkit.contract.tags: 'not(ok)' is not a valid tag");
  }

  @Test
  void discoversFromPackagesAndClasspathRootsButSkipsMarkedFolders() throws URISyntaxException {
    Path mainClasses =
        Path.of(InventoryService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path testClasses =
        Path.of(ContractTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());

    assertThat(
            fileNames(
                kit(selectPackage("org.interviewtasks.senior.operations.testkit"))
                    .discover()
                    .getEngineDescriptor()))
        .containsExactlyInAnyOrder("health.contract", "inventory.contract");
    assertThat(
            fileNames(
                kit(selectClasspathRoots(Set.of(mainClasses)).get(0))
                    .discover()
                    .getEngineDescriptor()))
        .containsExactlyInAnyOrder("health.contract", "inventory.contract");
    assertThat(
            fileNames(
                kit(selectClasspathRoots(Set.of(testClasses)).get(0))
                    .discover()
                    .getEngineDescriptor()))
        .isEmpty();
    assertThat(
            fileNames(
                kit(selectPackage("org.interviewtasks.senior.operations.testkit.fixtures"))
                    .discover()
                    .getEngineDescriptor()))
        .isEmpty();
  }

  @Test
  void aSelectedFolderIsReadEvenWhenMarked() {
    assertThat(fileNames(kit(selectClasspathResource(FIXTURES)).discover().getEngineDescriptor()))
        .containsExactlyInAnyOrder(
            "failing.contract", "malformed.contract", "bad-status.contract", "tagged.contract");
    assertThat(
            fileNames(
                kit(selectClasspathResource(FIXTURES + "/")).discover().getEngineDescriptor()))
        .hasSize(4);
  }

  @Test
  void selectsNothingForClassesOtherFilesAndMissingResources() {
    for (DiscoverySelector selector :
        List.of(
            selectClass(ContractTest.class),
            selectClasspathResource("nowhere/missing.contract"),
            selectClasspathResource("features/a.feature"),
            selectClasspathResource(FIXTURES + "/contracts.ignore"),
            selectFile("/no/such/file.contract"),
            selectDirectory("/no/such/folder"))) {
      assertThat(kit(selector).discover().getEngineDescriptor().getChildren())
          .as("%s", selector)
          .isEmpty();
    }
  }

  @Test
  void discoversFilesAndDirectoriesWithFileSources(@TempDir Path dir) throws IOException {
    Path a =
        write(dir.resolve("a.contract"), "case: a\nrequest: GET /health\nexpect status: 200\n");
    write(
        dir.resolve("sub/b.contract"), "# b\ncase: b\nrequest: GET /health\nexpect status: 200\n");
    write(dir.resolve("skipped/contracts.ignore"), "");
    Path c =
        write(
            dir.resolve("skipped/c.contract"),
            "case: c\nrequest: GET /health\nexpect status: 200\n");
    write(dir.resolve("notes.txt"), "not a contract");

    EngineExecutionResults results = kit(selectDirectory(dir.toFile())).execute();

    assertThat(testNames(results)).containsExactlyInAnyOrder("a", "b");
    results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
    TestSource b =
        results.testEvents().started().stream()
            .filter(e -> e.getTestDescriptor().getDisplayName().equals("b"))
            .findFirst()
            .orElseThrow()
            .getTestDescriptor()
            .getSource()
            .orElseThrow();
    assertThat(b)
        .isEqualTo(
            FileSource.from(
                dir.resolve("sub/b.contract").toAbsolutePath().toFile(), FilePosition.from(2)));
    assertThat(testNames(kit(selectFile(c.toFile())).execute())).containsExactly("c");
    assertThat(testNames(kit(selectFile(a.toFile()), selectDirectory(dir.toFile())).execute()))
        .as("a file selected twice runs once")
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aUniqueIdSelectsOneCaseOrOneFile() {
    TestDescriptor file =
        kit(selectClasspathResource(TAGGED))
            .discover()
            .getEngineDescriptor()
            .getChildren()
            .iterator()
            .next();
    TestDescriptor fast =
        file.getChildren().stream()
            .filter(d -> d.getDisplayName().equals("fast one"))
            .findFirst()
            .orElseThrow();

    assertThat(testNames(kit(selectUniqueId(fast.getUniqueId())).execute()))
        .containsExactly("fast one");
    assertThat(testNames(kit(selectUniqueId(file.getUniqueId())).execute())).hasSize(3);
    assertThat(
            kit(selectUniqueId(file.getUniqueId().append("case", "no such case")))
                .discover()
                .getEngineDescriptor()
                .getChildren())
        .allSatisfy(f -> assertThat(f.getChildren()).isEmpty());
  }

  @Test
  void withoutAServiceEveryCaseFailsSayingWhatToSet() {
    EngineExecutionResults results =
        EngineTestKit.engine(new ContractTestEngine())
            .selectors(selectClasspathResource(TAGGED))
            .execute();

    results.testEvents().assertStatistics(s -> s.started(3).failed(3));
    assertThat(failure(results.testEvents().failed().list().get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "no service to test: set the configuration parameter testkit.contract.baseUri=http://host:port"
                + " for a running one, or testkit.contract.launcher=<class implementing");
  }

  @Test
  void badConfigurationFailsTheCasesWithTheReason() {
    assertThat(failureWith(TestingFramework.CONTRACT_BASE_URI, "ftp://127.0.0.1/"))
        .hasMessageContaining("testkit.contract.baseUri is not a usable base URI");
    assertThat(failureWith(TestingFramework.CONTRACT_LAUNCHER, "no.such.Launcher"))
        .hasMessage("testkit.contract.launcher: no class no.such.Launcher");
    assertThat(failureWith(TestingFramework.CONTRACT_LAUNCHER, String.class.getName()))
        .hasMessage(
            "testkit.contract.launcher: java.lang.String does not implement "
                + ServiceLauncher.class.getName());
    assertThat(failureWith(TestingFramework.CONTRACT_LAUNCHER, NeedsArguments.class.getName()))
        .hasMessageContaining("needs a constructor without parameters");
    assertThat(failureWith(TestingFramework.CONTRACT_LAUNCHER, Failing.class.getName()))
        .hasMessageContaining(Failing.class.getName() + " could not start the service")
        .hasMessageContaining("no database today");
    assertThat(failureWith(TestingFramework.CONTRACT_TIMEOUT, "ten seconds"))
        .hasMessage(
            "testkit.contract.timeout must be an ISO-8601 duration such as PT10S: ten seconds");
  }

  private static Throwable failureWith(String key, String value) {
    EngineExecutionResults results =
        EngineTestKit.engine(new ContractTestEngine())
            .selectors(selectClasspathResource(TAGGED))
            .configurationParameters(
                key.equals(TestingFramework.CONTRACT_TIMEOUT)
                    ? Map.of(
                        key,
                        value,
                        TestingFramework.CONTRACT_BASE_URI,
                        service.baseUri().toString())
                    : Map.of(key, value))
            .execute();
    results.testEvents().assertStatistics(s -> s.failed(3));
    return failure(results.testEvents().failed().list().get(0));
  }

  @Test
  void startsTheLauncherOnceAndStopsItAfterTheLastCase() {
    Counting.started.set(0);
    Counting.stopped.set(0);

    EngineExecutionResults results =
        EngineTestKit.engine(new ContractTestEngine())
            .selectors(selectClasspathResource(TAGGED), selectClasspathResource(FAILING))
            .configurationParameter(TestingFramework.CONTRACT_LAUNCHER, Counting.class.getName())
            .execute();

    results.testEvents().assertStatistics(s -> s.started(6).succeeded(4).failed(2));
    assertThat(Counting.started).hasValue(1);
    assertThat(Counting.stopped).hasValue(1);
  }

  @Test
  void startsNothingWhenEveryCaseIsFilteredOut() {
    Counting.started.set(0);

    EngineTestKit.engine(new ContractTestEngine())
        .selectors(selectClasspathResource(TAGGED))
        .configurationParameter(TestingFramework.CONTRACT_LAUNCHER, Counting.class.getName())
        .filters(TagFilter.includeTags("no-such-tag"))
        .execute();

    assertThat(Counting.started).hasValue(0);
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A launcher that counts its starts and stops, on an in-memory store. */
  public static final class Counting implements ServiceLauncher {
    static final AtomicInteger started = new AtomicInteger();
    static final AtomicInteger stopped = new AtomicInteger();

    @Override
    public RunningService start() {
      started.incrementAndGet();
      InventoryService running =
          InventoryService.start(new Inventory(new InMemoryStockStore()), "memory", 0);
      return new RunningService() {
        @Override
        public java.net.URI baseUri() {
          return running.baseUri();
        }

        @Override
        public void close() {
          stopped.incrementAndGet();
          running.close();
        }
      };
    }
  }

  /** A launcher the engine cannot create. */
  public static final class NeedsArguments implements ServiceLauncher {
    public NeedsArguments(String argument) {
      java.util.Objects.requireNonNull(argument, "argument");
    }

    @Override
    public RunningService start() {
      throw new UnsupportedOperationException();
    }
  }

  /** A launcher whose service does not start. */
  public static final class Failing implements ServiceLauncher {
    @Override
    public RunningService start() throws IOException {
      throw new IOException("no database today");
    }
  }
}
