package org.interviewtasks.senior;

import java.util.Set;
import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.CatalogContract;

/** Checks the senior tasks against the level's catalog and README; see {@link CatalogContract}. */
class SeniorCatalogTest extends CatalogContract {

  @Override
  protected Level level() {
    return Level.SENIOR;
  }

  @Override
  protected Set<String> completeCategories() {
    return Set.of("advanced", "concurrency", "bigdata", "architecture", "operations");
  }
}
