package org.interviewtasks.senior.operations.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.platform.commons.io.Resource;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * Where a contract file lives: a class-path resource (its name, e.g. {@code a/b/x.contract}) or a
 * file (its absolute path). It names the file in unique ids, messages and test sources.
 *
 * @param kind {@link #RESOURCE} or {@link #FILE}, also the unique-id segment type
 * @param name the resource name, or the absolute normalized path
 * @param uri where to read it from
 */
record ContractLocation(String kind, String name, URI uri) {

  static final String RESOURCE = "resource";
  static final String FILE = "file";

  ContractLocation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    if (!kind.equals(RESOURCE) && !kind.equals(FILE)) {
      throw new IllegalArgumentException("kind must be resource or file: " + kind);
    }
  }

  static ContractLocation of(Resource resource) {
    return new ContractLocation(RESOURCE, resource.getName(), resource.getUri());
  }

  static ContractLocation of(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return new ContractLocation(FILE, absolute.toString(), absolute.toUri());
  }

  /** The last part of the name: what a report shows for the file. */
  String fileName() {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf(File.separatorChar));
    return name.substring(slash + 1);
  }

  /** The source of a descriptor at {@code line} of this file. */
  TestSource source(int line) {
    FilePosition position = FilePosition.from(line);
    return kind.equals(RESOURCE)
        ? ClasspathResourceSource.from(name, position)
        : FileSource.from(new File(name), position);
  }

  /** The whole file as UTF-8 text. */
  String read() throws IOException {
    try (InputStream in = uri.toURL().openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
