package org.interviewtasks.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One task as the catalog lists it: its id, the entry class it must have, and the task statement.
 *
 * <p>Each level module ships its part of the catalog as {@code
 * org/interviewtasks/<level>/tasks.tsv} (columns {@code id}, {@code class}, {@code task}), so the
 * runner can name tasks not written yet and the level's catalog test can check that every written
 * task is complete.
 *
 * @param id the task id
 * @param entryClass the fully qualified name of the entry class
 * @param statement the task as it was set
 */
public record CatalogEntry(TaskId id, String entryClass, String statement) {

  /** Validates the parts. */
  public CatalogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(entryClass, "entryClass");
    Objects.requireNonNull(statement, "statement");
    String expectedPackage = id.level().packageName() + "." + id.category() + ".";
    if (!entryClass.startsWith(expectedPackage)) {
      throw new IllegalArgumentException(
          id + ": entry class " + entryClass + " is not in package " + expectedPackage);
    }
  }

  /** The entry class's simple name, e.g. {@code LargestNumber}. */
  public String simpleName() {
    return entryClass.substring(entryClass.lastIndexOf('.') + 1);
  }

  /** The resource that holds a level's catalog. */
  public static String resourceName(Level level) {
    return level.packageName().replace('.', '/') + "/tasks.tsv";
  }

  /**
   * Loads a level's catalog from the classpath, in catalog order.
   *
   * @return the entries, or an empty list when the level's module is not on the classpath
   * @throws IllegalStateException if the file is malformed
   */
  public static List<CatalogEntry> load(ClassLoader loader, Level level) {
    String resource = resourceName(level);
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      return parse(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static List<CatalogEntry> parse(InputStream in, String source) throws IOException {
    List<CatalogEntry> entries = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (!"id\tclass\ttask".equals(header)) {
      throw new IllegalStateException(
          source + ": expected the header 'id<TAB>class<TAB>task', found '" + header + "'");
    }
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != 3) {
        throw new IllegalStateException(
            source + ":" + lineNumber + ": expected 3 tab-separated cells, found " + cells.length);
      }
      try {
        entries.add(new CatalogEntry(TaskId.parse(cells[0]), cells[1], cells[2]));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(source + ":" + lineNumber + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(entries);
  }
}
