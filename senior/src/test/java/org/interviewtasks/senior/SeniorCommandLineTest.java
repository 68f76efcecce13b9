package org.interviewtasks.senior;

import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.HostileCommandLineContract;

/**
 * Every senior task's {@code main} on hostile command lines; see {@link
 * HostileCommandLineContract}.
 */
class SeniorCommandLineTest extends HostileCommandLineContract {

  @Override
  protected Level level() {
    return Level.SENIOR;
  }
}
