package org.interviewtasks.practice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.interviewtasks.common.CatalogEntry;
import org.interviewtasks.common.Level;
import org.interviewtasks.common.TaskId;

/**
 * A task of the catalog, as practice mode sees it.
 *
 * @param entry the catalog's line: id, entry class, statement
 * @param layout where the task's sources live
 */
public record PracticeTask(CatalogEntry entry, Layout layout) {

  /** Validates the parts. */
  public PracticeTask {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(layout, "layout");
  }

  /** The task id. */
  public TaskId id() {
    return entry.id();
  }

  /** The task's level. */
  public Level level() {
    return entry.id().level();
  }

  /** The entry class's fully qualified name. */
  public String entryClass() {
    return entry.entryClass();
  }

  /** The entry class's simple name. */
  public String simpleName() {
    return entry.simpleName();
  }

  /** The entry class's package. */
  public String packageName() {
    String name = entry.entryClass();
    return name.substring(0, name.lastIndexOf('.'));
  }

  /** Senior tasks are a package each; junior and mid tasks are an entry class (and its kin). */
  public boolean isPackageTask() {
    return level() == Level.SENIOR;
  }

  /** The package as a relative folder, e.g. {@code org/interviewtasks/junior/core}. */
  public Path packagePath() {
    return Path.of(packageName().replace('.', '/'));
  }

  /** The reference entry class's source file. */
  public Path referenceEntryFile() {
    return layout.mainSources(level()).resolve(entryClass().replace('.', '/') + ".java");
  }

  /** Whether the reference solution exists (the catalog also lists tasks not written yet). */
  public boolean written() {
    return Files.isRegularFile(referenceEntryFile());
  }
}
