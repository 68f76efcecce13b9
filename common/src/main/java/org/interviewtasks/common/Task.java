package org.interviewtasks.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the entry class of a task: the class a reader opens first.
 *
 * <p>The id is the task's place in the catalog, {@code level.category.number} (for example {@code
 * junior.core.1}); {@link TaskIndex} finds annotated classes on the classpath and {@link
 * TaskRunner} runs one by its id.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Task {

  /** The catalog id, {@code level.category.number}, e.g. {@code junior.core.1}. */
  String id();

  /** A short human title, e.g. "Largest number in a list". */
  String title();

  /**
   * The command line of the task's {@code main} after its id, with the limits it accepts, e.g.
   * {@code "<n> [n...] each n in 0..30000"}; {@code TaskRunner <id> --help} prints it. Empty (the
   * default) when the task has no {@code main}, or when its {@code main} answers {@code --help}
   * itself (the picocli apps).
   */
  String usage() default "";
}
