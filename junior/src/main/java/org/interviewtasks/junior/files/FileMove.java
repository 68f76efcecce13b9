package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@link Files#move}, as a value: tasks that move files take one so that tests can make a move fail
 * on purpose and check that nothing is left half done.
 */
@FunctionalInterface
interface FileMove {

  /** The real thing. */
  FileMove FILES = Files::move;

  /** Moves {@code source} to {@code target}, as {@link Files#move} does. */
  void move(Path source, Path target, CopyOption... options) throws IOException;
}
