package org.interviewtasks.practice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.interviewtasks.common.CatalogEntry;
import org.interviewtasks.common.Level;
import org.interviewtasks.common.TaskId;

/**
 * Every task of the three levels, read from each level's task index ({@code
 * org/interviewtasks/<level>/tasks.tsv} on the class path), in catalog order.
 */
public final class Catalog {

  private final List<PracticeTask> tasks;

  private Catalog(List<PracticeTask> tasks) {
    this.tasks = List.copyOf(tasks);
  }

  /**
   * Loads the catalogs of all levels.
   *
   * @throws IllegalStateException if a level's catalog is missing from the class path
   */
  public static Catalog load(ClassLoader loader, Layout layout) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(layout, "layout");
    List<PracticeTask> tasks = new ArrayList<>();
    for (Level level : Level.values()) {
      List<CatalogEntry> entries = CatalogEntry.load(loader, level);
      if (entries.isEmpty()) {
        throw new IllegalStateException(
            "no task index for "
                + level.key()
                + " on the class path: "
                + CatalogEntry.resourceName(level));
      }
      entries.forEach(entry -> tasks.add(new PracticeTask(entry, layout)));
    }
    return new Catalog(tasks);
  }

  /** All tasks, written or not. */
  public List<PracticeTask> all() {
    return tasks;
  }

  /** The tasks whose reference solution exists. */
  public List<PracticeTask> written() {
    return tasks.stream().filter(PracticeTask::written).toList();
  }

  /** The task with this id. */
  public Optional<PracticeTask> find(TaskId id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }
}
