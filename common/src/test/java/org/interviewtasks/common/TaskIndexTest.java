package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
  void findsAnnotatedClassesInIdOrder() throws ClassNotFoundException {
    TaskIndex index = TaskIndex.scan(loader, FIXTURES);

    assertThat(index.all()).extracting(TaskInfo::entryClass).containsExactly(fixturesInIdOrder());
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

    assertThat(index.ofLevel(Level.JUNIOR)).hasSize(4);
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
  void findsTasksInsideJarsAndOnlyUnderThePackage(@TempDir Path dir) throws Exception {
    try (var jarLoader = FixtureJar.loader(FixtureJar.write(dir), loader)) {
      TaskIndex index = TaskIndex.scan(jarLoader, FIXTURES);

      assertThat(index.all()).extracting(TaskInfo::entryClass).containsExactly(fixturesInIdOrder());
    }
  }

  @Test
  void scanWithoutArgumentsUsesTheContextClassLoader(@TempDir Path dir) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (var jarLoader = FixtureJar.loader(FixtureJar.write(dir), loader)) {
      thread.setContextClassLoader(jarLoader);

      // The default scans all of org.interviewtasks: the six fixtures and the jar's clash.First.
      assertThat(TaskIndex.scan().all())
          .hasSize(7)
          .extracting(t -> t.entryClass().getSimpleName())
          .contains("EchoTask", "First");
    } finally {
      thread.setContextClassLoader(original);
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

  /** Every fixture task, in id order (HiddenTask is package-private, so it is named). */
  private static Class<?>[] fixturesInIdOrder() throws ClassNotFoundException {
    return new Class<?>[] {
      EchoTask.class,
      NoMainTask.class,
      RejectingTask.class,
      Class.forName(FIXTURES + ".HiddenTask"),
      CrashingTask.class,
      InstanceMainTask.class
    };
  }

  private static boolean mentions(String text) throws IOException {
    try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))) {
      return TaskIndex.mentionsTask(in);
    }
  }
}
