package org.interviewtasks.junior;

import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.HostileCommandLineContract;

/**
 * Every junior task's {@code main} on hostile command lines; see {@link
 * HostileCommandLineContract}.
 */
class JuniorCommandLineTest extends HostileCommandLineContract {

  @Override
  protected Level level() {
    return Level.JUNIOR;
  }
}
