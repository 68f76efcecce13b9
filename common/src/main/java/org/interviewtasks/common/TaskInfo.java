package org.interviewtasks.common;

import java.util.Objects;

/**
 * A task found on the classpath: its id, title and entry class.
 *
 * @param id the catalog id
 * @param title the title from {@link Task#title()}
 * @param entryClass the class annotated with {@link Task}
 */
public record TaskInfo(TaskId id, String title, Class<?> entryClass) {

  /** Validates the parts. */
  public TaskInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(entryClass, "entryClass");
  }

  /** Reads the {@link Task} annotation of a class. */
  static TaskInfo of(Class<?> entryClass) {
    Task task = entryClass.getAnnotation(Task.class);
    if (task == null) {
      throw new IllegalArgumentException(entryClass.getName() + " has no @Task annotation");
    }
    TaskId id;
    try {
      id = TaskId.parse(task.id());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "@Task on " + entryClass.getName() + ": " + e.getMessage(), e);
    }
    return new TaskInfo(id, task.title(), entryClass);
  }
}
