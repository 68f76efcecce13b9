package org.interviewtasks.mid;

import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.HostileApiContract;

/** Every mid entry class's static methods on hostile arguments; see {@link HostileApiContract}. */
class MidApiTest extends HostileApiContract {

  @Override
  protected Level level() {
    return Level.MID;
  }
}
