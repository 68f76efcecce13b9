package org.interviewtasks.senior.architecture.validation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Where in an object a value sits: {@code address.zip}, {@code items[2].quantity}; the empty path
 * is the object itself. Written as Jakarta Bean Validation writes its property paths, so the two
 * can be compared. Immutable; a child shares its parent, so descending costs one small object.
 */
public final class Path {

  private static final Path ROOT = new Path(null, null, -1);

  private final Path parent;
  private final String field;
  private final int index;

  private Path(Path parent, String field, int index) {
    this.parent = parent;
    this.field = field;
    this.index = index;
  }

  /** The empty path: the validated object itself. */
  public static Path root() {
    return ROOT;
  }

  /**
   * Parses a path as {@link #toString()} writes it.
   *
   * @throws IllegalArgumentException if it is malformed
   */
  public static Path parse(String text) {
    Objects.requireNonNull(text, "text");
    Path path = ROOT;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' in path: " + text);
        }
        try {
          path = path.index(Integer.parseInt(text.substring(i + 1, close)));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not an index in path: " + text, e);
        }
        i = close + 1;
      } else {
        if (c == '.') {
          if (path.isRoot()) {
            throw new IllegalArgumentException("path starts with '.': " + text);
          }
          i++;
        }
        int end = i;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
          end++;
        }
        path = path.field(text.substring(i, end));
        i = end;
      }
    }
    return path;
  }

  /**
   * The path of a field of the value at this path.
   *
   * @throws IllegalArgumentException if the name is empty or contains {@code . [ ]}
   */
  public Path field(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()
        || name.indexOf('.') >= 0
        || name.indexOf('[') >= 0
        || name.indexOf(']') >= 0) {
      throw new IllegalArgumentException(
          "a field name is non-empty, without . [ ]: '" + name + "'");
    }
    return new Path(this, name, -1);
  }

  /**
   * The path of an element of the collection at this path.
   *
   * @throws IllegalArgumentException if the index is negative
   */
  public Path index(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0: " + index);
    }
    return new Path(this, null, index);
  }

  /** Whether this is the empty path. */
  public boolean isRoot() {
    return parent == null;
  }

  @Override
  public String toString() {
    Deque<Path> segments = new ArrayDeque<>();
    for (Path p = this; !p.isRoot(); p = p.parent) {
      segments.push(p);
    }
    StringBuilder out = new StringBuilder();
    for (Path p : segments) {
      if (p.field == null) {
        out.append('[').append(p.index).append(']');
      } else {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(p.field);
      }
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Path other) || isRoot() != other.isRoot()) {
      return false;
    }
    return index == other.index
        && Objects.equals(field, other.field)
        && parent.equals(other.parent);
  }

  @Override
  public int hashCode() {
    return isRoot() ? 0 : 31 * (31 * parent.hashCode() + Objects.hashCode(field)) + index;
  }
}
