package org.interviewtasks.senior;

import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.HostileApiContract;

/**
 * Every senior entry class's static methods on hostile arguments; see {@link HostileApiContract}.
 */
class SeniorApiTest extends HostileApiContract {

  @Override
  protected Level level() {
    return Level.SENIOR;
  }
}
