package org.interviewtasks.senior.operations.testkit;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A JUnit Platform test engine for declarative HTTP contracts ({@link Contract}): any launcher
 * (Maven Surefire, an IDE, the console launcher, a {@code @Suite}) discovers, filters and reports
 * them like Jupiter tests.
 *
 * <p><b>Discovery.</b> {@code .contract} files are found from class-path resource selectors (a file
 * or a folder), file and directory selectors, packages and class-path roots; a unique id selects a
 * file or one case again. A folder that holds a {@code contracts.ignore} file is skipped by scans,
 * which keeps deliberately broken fixtures out of an ordinary run. A class selector, all Surefire
 * hands to engines by default, selects nothing: contracts join a build through a {@code @Suite}
 * that selects their folder.
 *
 * <p><b>Tree.</b> The engine holds one container per file (display name: the file's name) and one
 * test per case, tagged with the case's {@code tags:} and {@value TestingFramework#END_TO_END}, so
 * tag expressions ({@code -Dgroups}, {@code @IncludeTags}) filter cases. Every descriptor's source
 * is a {@code ClasspathResourceSource} or {@code FileSource} with the line of its {@code case:}; a
 * file that does not parse is a failing container whose source is the line of the error.
 *
 * <p><b>Execution.</b> Cases of a file run in order, against the service named by the configuration
 * parameters {@value TestingFramework#CONTRACT_BASE_URI} or {@value
 * TestingFramework#CONTRACT_LAUNCHER} (see {@link TestingFramework}); every expectation a case
 * misses is in its failure, with its line.
 */
public final class ContractTestEngine extends HierarchicalTestEngine<ContractRun> {

  /** The engine's id, for {@code @IncludeEngines} and unique ids. */
  public static final String ID = "testkit-contract";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("org.interviewtasks");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("senior");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    Root root = new Root(uniqueId);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ContractResolver resolver =
        new ContractResolver(
            loader == null ? ContractTestEngine.class.getClassLoader() : loader,
            extraTags(request.getConfigurationParameters().get(TestingFramework.CONTRACT_TAGS)));
    EngineDiscoveryRequestResolver.<Root>builder()
        .addResourceContainerSelectorResolver(resolver.scanFilter())
        .addSelectorResolver(resolver)
        .build()
        .resolve(request, root);
    return root;
  }

  private static Set<TestTag> extraTags(Optional<String> value) {
    Set<TestTag> tags = new LinkedHashSet<>();
    tags.add(TestTag.create(TestingFramework.END_TO_END));
    for (String tag : value.orElse("").split("[,\\s]+", -1)) {
      if (tag.isEmpty()) {
        continue;
      }
      if (!TestTag.isValid(tag)) {
        throw new PreconditionViolationException(
            TestingFramework.CONTRACT_TAGS + ": '" + tag + "' is not a valid tag");
      }
      tags.add(TestTag.create(tag));
    }
    return Set.copyOf(tags);
  }

  @Override
  protected ContractRun createExecutionContext(ExecutionRequest request) {
    return new ContractRun(request.getConfigurationParameters());
  }

  /** The engine's descriptor: closes the run (and stops the service) when every file is done. */
  static final class Root extends EngineDescriptor implements Node<ContractRun> {
    Root(UniqueId uniqueId) {
      super(uniqueId, "HTTP contracts");
    }

    @Override
    public void after(ContractRun run) {
      run.close();
    }
  }
}
