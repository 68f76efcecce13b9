package org.interviewtasks.junior;

import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.HostileApiContract;

/**
 * Every junior entry class's static methods on hostile arguments; see {@link HostileApiContract}.
 */
class JuniorApiTest extends HostileApiContract {

  @Override
  protected Level level() {
    return Level.JUNIOR;
  }
}
