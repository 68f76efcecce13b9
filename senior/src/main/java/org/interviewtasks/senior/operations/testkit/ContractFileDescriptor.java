package org.interviewtasks.senior.operations.testkit;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A contract file: a container of its cases, or, when the file cannot be read or parsed, an empty
 * container that fails with the error, its source pointing at the line of the error.
 */
final class ContractFileDescriptor extends AbstractTestDescriptor implements Node<ContractRun> {

  static final String CASE = "case";

  private final ContractLocation location;
  private final Set<TestTag> tags;
  private final Contract contract;
  private final Exception error;

  private ContractFileDescriptor(
      UniqueId id,
      ContractLocation location,
      Set<TestTag> tags,
      Contract contract,
      Exception error,
      int line) {
    super(id, location.fileName(), location.source(line));
    this.location = location;
    this.tags = tags;
    this.contract = contract;
    this.error = error;
  }

  /** Reads and parses the file; a broken file still gets a descriptor, which fails when run. */
  static ContractFileDescriptor read(
      UniqueId parent, ContractLocation location, Set<TestTag> tags) {
    UniqueId id = parent.append(location.kind(), location.name());
    try {
      Contract contract = Contract.parse(location.name(), location.read());
      return new ContractFileDescriptor(id, location, tags, contract, null, 1);
    } catch (ContractSyntaxException e) {
      return new ContractFileDescriptor(id, location, tags, null, e, e.line());
    } catch (IOException e) {
      IOException error = new IOException(location.name() + ": cannot read: " + e, e);
      return new ContractFileDescriptor(id, location, tags, null, error, 1);
    }
  }

  /** The selectors of all its cases, to expand a match of the whole file. */
  Set<? extends DiscoverySelector> caseSelectors() {
    Set<DiscoverySelector> selectors = new LinkedHashSet<>();
    if (contract != null) {
      for (Contract.Case c : contract.cases()) {
        selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(CASE, c.name())));
      }
    }
    return selectors;
  }

  /** A descriptor for its case {@code name}, if it has one. */
  Optional<ContractCaseDescriptor> newCase(String name) {
    if (contract == null) {
      return Optional.empty();
    }
    return contract
        .find(name)
        .map(c -> new ContractCaseDescriptor(getUniqueId().append(CASE, name), c, location, tags));
  }

  @Override
  public Type getType() {
    return Type.CONTAINER;
  }

  /** A broken file has no cases, yet must be kept (and reported) rather than pruned as empty. */
  @Override
  public boolean mayRegisterTests() {
    return error != null;
  }

  /** The tags every case gets: a broken file has them too, so that the same filters keep it. */
  @Override
  public Set<TestTag> getTags() {
    return tags;
  }

  @Override
  public ContractRun before(ContractRun run) throws Exception {
    if (error != null) {
      throw error;
    }
    return run;
  }
}
