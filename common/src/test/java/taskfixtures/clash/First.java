package taskfixtures.clash;

import org.interviewtasks.common.Task;

/** One of two fixture classes that claim the same id. */
@Task(id = "senior.clash.1", title = "First")
public final class First {
  private First() {}
}
