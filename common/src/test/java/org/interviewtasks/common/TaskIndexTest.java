package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.interviewtasks.common.fixture.CrashingTask;
import org.interviewtasks.common.fixture.EchoTask;
import org.interviewtasks.common.fixture.InstanceMainTask;
import org.interviewtasks.common.fixture.NoMainTask;
import org.interviewtasks.common.fixture.NotATask;
import org.interviewtasks.common.fixture.RejectingTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskIndexTest {

  private static final String FIXTURES = "org.interviewtasks.common.fixture";
  private final ClassLoader loader = getClass().getClassLoader();

  @Test
  void findsAnnotatedClassesInIdOrder() {
    TaskIndex index = TaskIndex.scan(loader, FIXTURES);

    assertThat(index.all())
        .extracting(TaskInfo::entryClass)
        .containsExactly(
            EchoTask.class,
            NoMainTask.class,
            RejectingTask.class,
            CrashingTask.class,
            InstanceMainTask.class);
    assertThat(index.all()).extracting(TaskInfo::entryClass).doesNotContain(NotATask.class);
  }

  @Test
  void readsIdAndTitleFromTheAnnotation() {
    TaskIndex index = TaskIndex.scan(loader, FIXTURES);

    assertThat(index.find(TaskId.parse("junior.fixture.1")))
        .hasValue(new TaskInfo(TaskId.parse("junior.fixture.1"), "Echo", EchoTask.class));
    assertThat(index.find(TaskId.parse("junior.fixture.9"))).isEmpty();
  }

  @Test
  void filtersByLevel() {
    TaskIndex index = TaskIndex.scan(loader, FIXTURES);

    assertThat(index.ofLevel(Level.JUNIOR)).hasSize(3);
    assertThat(index.ofLevel(Level.MID))
        .extracting(TaskInfo::entryClass)
        .containsExactly(CrashingTask.class, InstanceMainTask.class);
    assertThat(index.ofLevel(Level.SENIOR)).isEmpty();
  }

  @Test
  void anEmptyOrUnknownPackageHasNoTasks() {
    assertThat(TaskIndex.scan(loader, "org.interviewtasks.nothing.here").all()).isEmpty();
  }

  @Test
  void twoClassesClaimingOneIdIsAnError() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TaskIndex.scan(loader, "org.interviewtasks.common.clash"))
        .withMessageContaining("task id senior.clash.1 is claimed by both")
        .withMessageContaining("clash.First")
        .withMessageContaining("clash.Second");
  }

  @Test
  void aMalformedIdNamesTheClass() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TaskIndex.scan(loader, "org.interviewtasks.common.badid"))
        .withMessageContaining("@Task on org.interviewtasks.common.badid.BadId")
        .withMessageContaining("not a task id: 'junior.core.one'");
  }

  @Test
  void aClassWithoutTheAnnotationIsNoTask() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskInfo.of(NotATask.class))
        .withMessage(NotATask.class.getName() + " has no @Task annotation");
  }

  @Test
  void findsTasksInsideJars(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("fixtures.jar");
    Path classes =
        Path.of(EchoTask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (var out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes.resolve("org/interviewtasks/common/fixture"))) {
      out.putNextEntry(new JarEntry("org/interviewtasks/common/fixture/"));
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
      }
    }
    // The jar's loader delegates to ours first, so the classes resolve to the same Class objects
    // while the scan reads the jar's entries too.
    try (var jarLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, loader)) {
      TaskIndex index = TaskIndex.scan(jarLoader, FIXTURES);

      assertThat(index.all()).hasSize(5);
    }
  }

  @Test
  void markerSearchLooksForTheAnnotationDescriptor() throws IOException {
    assertThat(mentions("xxLorg/interviewtasks/common/Task;yy")).isTrue();
    assertThat(mentions("Lorg/interviewtasks/common/Task;")).isTrue();
    assertThat(mentions("Lorg/interviewtasks/common/Task")).isFalse();
    assertThat(mentions("Lorg/interviewtasks/common/TaskId;")).isFalse();
    assertThat(mentions("")).isFalse();
  }

  private static boolean mentions(String text) throws IOException {
    try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))) {
      return TaskIndex.mentionsTask(in);
    }
  }
}
