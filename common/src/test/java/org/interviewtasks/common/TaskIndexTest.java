package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import taskfixtures.valid.CrashingTask;
import taskfixtures.valid.EchoTask;
import taskfixtures.valid.ExitingTask;
import taskfixtures.valid.InstanceMainTask;
import taskfixtures.valid.NoMainTask;
import taskfixtures.valid.NotATask;
import taskfixtures.valid.RejectingTask;

class TaskIndexTest {

  private static final String FIXTURES = "taskfixtures.valid";
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
        .containsExactly(CrashingTask.class, InstanceMainTask.class, ExitingTask.class);
    assertThat(index.ofLevel(Level.SENIOR)).isEmpty();
  }

  @Test
  void anEmptyOrUnknownPackageHasNoTasks() {
    assertThat(TaskIndex.scan(loader, "org.interviewtasks.nothing.here").all()).isEmpty();
  }

  @Test
  void twoClassesClaimingOneIdIsAnError() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TaskIndex.scan(loader, "taskfixtures.clash"))
        .withMessageContaining("task id senior.clash.1 is claimed by both")
        .withMessageContaining("clash.First")
        .withMessageContaining("clash.Second");
  }

  @Test
  void aMalformedIdNamesTheClass() {
    assertThatIllegalStateException()
        .isThrownBy(() -> TaskIndex.scan(loader, "taskfixtures.badid"))
        .withMessageContaining("@Task on taskfixtures.badid.BadId")
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
  void scanWithoutArgumentsReadsTheContextClassLoaderUnderTheRootPackage() {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    ClassLoader unreadable =
        new ClassLoader(loader) {
          @Override
          public Enumeration<URL> getResources(String name) throws IOException {
            throw new IOException("unreadable " + name);
          }
        };
    try {
      thread.setContextClassLoader(unreadable);
      assertThatExceptionOfType(UncheckedIOException.class)
          .isThrownBy(TaskIndex::scan)
          .withMessage("cannot scan the classpath for org.interviewtasks")
          .havingRootCause()
          .withMessage("unreadable org/interviewtasks/");
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void theFixturesLieOutsideTheRootPackageSoNoRealScanSeesThem() {
    // These test classes are on the classpath of every level's tests and of exec:java (common's
    // test jar): a scan of the whole project must neither list the fixtures nor fail on the
    // deliberately bad ones.
    assertThat(TaskIndex.scan(loader, "org.interviewtasks").all())
        .extracting(t -> t.entryClass().getPackageName())
        .noneMatch(name -> name.startsWith("taskfixtures"));
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
      InstanceMainTask.class,
      ExitingTask.class
    };
  }

  private static boolean mentions(String text) throws IOException {
    try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))) {
      return TaskIndex.mentionsTask(in);
    }
  }
}
