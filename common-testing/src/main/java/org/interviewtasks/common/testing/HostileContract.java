package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.interviewtasks.common.Level;
import org.interviewtasks.common.TaskIndex;
import org.interviewtasks.common.TaskInfo;

/**
 * What the two hostile-input contracts share: the bounds of one call, the level under test, its
 * package and its tasks. A level's tests extend {@link HostileApiContract} or {@link
 * HostileCommandLineContract}, never this class.
 */
public abstract class HostileContract {

  /** The longest a call may take. */
  public static final Duration TIME = Duration.ofSeconds(10);

  /** The most a call may allocate on its own thread. */
  public static final long BYTES = 512L << 20;

  HostileContract() {}

  /** The level whose tasks are called. */
  protected abstract Level level();

  /**
   * The package whose tasks are called: the level's, unless a test of the contract says another.
   */
  protected String packageName() {
    return level().packageName();
  }

  /** The level's tasks on the test's class path, in id order; fails the test if there are none. */
  final List<TaskInfo> tasks() {
    List<TaskInfo> tasks =
        TaskIndex.scan(getClass().getClassLoader(), packageName()).ofLevel(level());
    assertThat(tasks).as("tasks of %s on the classpath", level()).isNotEmpty();
    return tasks;
  }
}
