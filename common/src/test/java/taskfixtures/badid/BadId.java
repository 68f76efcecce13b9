package taskfixtures.badid;

import org.interviewtasks.common.Task;

/** A fixture whose id is malformed. */
@Task(id = "junior.core.one", title = "Bad id")
public final class BadId {
  private BadId() {}
}
