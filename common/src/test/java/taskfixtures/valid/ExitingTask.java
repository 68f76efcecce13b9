package taskfixtures.valid;

import org.interviewtasks.common.Task;
import org.interviewtasks.common.TaskExit;

/** A fixture task that reports its own failure and ends with exit code 3. */
@Task(id = "mid.fixture.3", title = "Exits")
public final class ExitingTask {
  private ExitingTask() {}

  /** Prints why on standard error, then exits with code 3. */
  public static void main(String... args) {
    System.err.println("exiting: " + String.join(" ", args));
    throw new TaskExit(3);
  }
}
