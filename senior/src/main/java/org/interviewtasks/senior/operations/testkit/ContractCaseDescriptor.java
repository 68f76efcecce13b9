package org.interviewtasks.senior.operations.testkit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * One case of a contract file: a test tagged with its own tags, {@value
 * TestingFramework#END_TO_END} and those of {@value TestingFramework#CONTRACT_TAGS}, whose source
 * is the line of its {@code case:}.
 */
final class ContractCaseDescriptor extends AbstractTestDescriptor implements Node<ContractRun> {

  private final Contract.Case contractCase;
  private final ContractLocation location;
  private final Set<TestTag> tags;

  ContractCaseDescriptor(
      UniqueId id, Contract.Case contractCase, ContractLocation location, Set<TestTag> extra) {
    super(id, contractCase.name(), location.source(contractCase.line()));
    this.contractCase = contractCase;
    this.location = location;
    Set<TestTag> all = new LinkedHashSet<>(extra);
    contractCase.tags().stream().sorted().map(TestTag::create).forEach(all::add);
    this.tags = Set.copyOf(all);
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  /** Sends the request, then fails with every expectation the answer does not meet. */
  @Override
  public ContractRun execute(ContractRun run, DynamicTestExecutor executor) {
    Contract.Request request = contractCase.request();
    ServiceClient.Response response =
        run.client().send(request.method(), request.path(), request.headers(), request.body());
    List<Contract.Mismatch> mismatches =
        contractCase.check(response.status(), response.headers(), response.body());
    if (mismatches.size() == 1) {
      Contract.Mismatch only = mismatches.get(0);
      throw new AssertionFailedError(where(only) + only.message(), only.expected(), only.actual());
    }
    if (!mismatches.isEmpty()) {
      throw new AssertionFailedError(
          mismatches.size()
              + " expectations failed:\n"
              + mismatches.stream()
                  .map(m -> where(m) + m.message())
                  .collect(Collectors.joining("\n")));
    }
    return run;
  }

  private String where(Contract.Mismatch mismatch) {
    return location.name() + ":" + mismatch.line() + ": ";
  }
}
