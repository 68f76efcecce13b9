package org.interviewtasks.junior;

import java.util.Set;
import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.CatalogContract;

/** Checks the junior tasks against the level's catalog and README; see {@link CatalogContract}. */
class JuniorCatalogTest extends CatalogContract {

  @Override
  protected Level level() {
    return Level.JUNIOR;
  }

  @Override
  protected Set<String> completeCategories() {
    return Set.of("core", "algorithms", "files", "oop", "apps", "testing");
  }
}
