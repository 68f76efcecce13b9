package org.interviewtasks.mid;

import java.util.Set;
import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.CatalogContract;

/** Checks the mid tasks against the level's catalog and README; see {@link CatalogContract}. */
class MidCatalogTest extends CatalogContract {

  @Override
  protected Level level() {
    return Level.MID;
  }

  @Override
  protected Set<String> completeCategories() {
    return Set.of("core", "algorithms", "oop", "files", "apps", "testing");
  }
}
