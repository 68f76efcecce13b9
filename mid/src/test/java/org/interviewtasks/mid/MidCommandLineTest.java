package org.interviewtasks.mid;

import org.interviewtasks.common.Level;
import org.interviewtasks.common.testing.HostileCommandLineContract;

/**
 * Every mid task's {@code main} on hostile command lines; see {@link HostileCommandLineContract}.
 */
class MidCommandLineTest extends HostileCommandLineContract {

  @Override
  protected Level level() {
    return Level.MID;
  }
}
