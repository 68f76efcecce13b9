package org.interviewtasks.senior.advanced.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.interviewtasks.senior.advanced.plugins.PluginJars.plugin;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import org.interviewtasks.senior.advanced.plugins.PluginHost.PluginInfo;
import org.interviewtasks.senior.advanced.plugins.PluginHost.Rejection;
import org.interviewtasks.senior.advanced.plugins.PluginHost.Report;
import org.interviewtasks.senior.advanced.plugins.PluginJars.Source;
import org.interviewtasks.senior.advanced.plugins.api.Plugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginHostTest {

  @TempDir Path work;

  private Path folder;
  private PluginHost host;

  @BeforeEach
  void open() throws IOException {
    folder = Files.createDirectory(work.resolve("plugins"));
    host = PluginHost.open(folder);
  }

  @AfterEach
  void close() {
    host.close();
  }

  private Path jar(String name, String apiVersion, List<Source> sources, List<String> providers)
      throws IOException {
    return PluginJars.build(work, folder.resolve(name), apiVersion, sources, providers);
  }

  private Path upperJar(String name) throws IOException {
    return jar(
        name,
        "1.0",
        List.of(
            plugin("com.example.upper.Upper", "upper", "input.toUpperCase(java.util.Locale.ROOT)")),
        List.of("com.example.upper.Upper"));
  }

  /** A version of a library, {@code com.example.lib.TextLib}, that two plugins bundle. */
  private static Source library(String version) {
    return new Source(
        "com.example.lib.TextLib",
        """
        package com.example.lib;
        public final class TextLib {
          public static String version() { return "%s"; }
        }
        """
            .formatted(version));
  }

  @Nested
  class Loading {

    @Test
    void aJarDroppedIntoTheFolderAtRuntimeIsLoadedAndRun() throws IOException {
      assertThat(host.refresh()).isEqualTo(new Report(List.of(), List.of(), List.of()));
      assertThat(host.plugins()).isEmpty();
      upperJar("upper.jar");
      assertThat(host.refresh().loaded()).containsExactly("upper.jar");
      assertThat(host.plugins())
          .containsExactly(new PluginInfo("upper", "built by the test", "upper.jar"));
      assertThat(host.run("upper", "straße 東京")).isEqualTo("STRASSE 東京");
      assertThat(host.refresh()).isEqualTo(new Report(List.of(), List.of(), List.of()));
      assertThat(host.folder()).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    void eachJarHasItsOwnLoaderThatSharesOnlyTheApiWithTheHost() throws IOException {
      Source isolated =
          new Source(
              "com.example.probe.Probe",
              """
              package com.example.probe;
              public final class Probe implements org.interviewtasks.senior.advanced.plugins.api.Plugin {
                @Override public String name() { return "probe"; }
                @Override public String apply(String className) {
                  try {
                    Class<?> seen = Class.forName(className, false, Probe.class.getClassLoader());
                    return seen.getClassLoader() == null ? "jdk" : seen.getClassLoader().getName();
                  } catch (ClassNotFoundException e) {
                    return "invisible";
                  }
                }
              }
              """);
      jar("probe.jar", "1.1", List.of(isolated), List.of("com.example.probe.Probe"));
      upperJar("upper.jar");
      host.refresh();
      assertThat(host.run("probe", "com.example.probe.Probe")).isEqualTo("plugin:probe.jar");
      assertThat(host.run("probe", Plugin.class.getName()))
          .isEqualTo(Plugin.class.getClassLoader().getName());
      assertThat(host.run("probe", "java.lang.String")).isEqualTo("jdk");
      assertThat(host.run("probe", "java.sql.Connection")).isEqualTo("platform");
      assertThat(host.run("probe", PluginHost.class.getName())).isEqualTo("invisible");
      assertThat(host.run("probe", "org.slf4j.Logger")).isEqualTo("invisible");
      assertThat(host.run("probe", "com.example.upper.Upper")).isEqualTo("invisible");
      assertThat(host.classOf("probe").getClassLoader())
          .isNotSameAs(host.classOf("upper").getClassLoader())
          .isNotSameAs(PluginHost.class.getClassLoader());
      assertThat(host.plugins())
          .extracting(PluginInfo::description)
          .containsExactly("", "built by the test");
    }

    @Test
    void twoPluginsBundlingDifferentVersionsOfOneLibraryDoNotConflict() throws IOException {
      jar(
          "old.jar",
          "1.0",
          List.of(
              library("1.0.0"),
              plugin("com.example.old.Old", "old", "com.example.lib.TextLib.version()")),
          List.of("com.example.old.Old"));
      jar(
          "new.jar",
          "1.0",
          List.of(
              library("2.3.1"),
              plugin("com.example.fresh.Fresh", "new", "com.example.lib.TextLib.version()")),
          List.of("com.example.fresh.Fresh"));
      assertThat(host.refresh().loaded()).containsExactly("new.jar", "old.jar");
      assertThat(host.run("old", "")).isEqualTo("1.0.0");
      assertThat(host.run("new", "")).isEqualTo("2.3.1");
      assertThat(host.run("old", "")).isEqualTo("1.0.0");
    }

    @Test
    void aJarWithSeveralPluginsLoadsThemAll() throws IOException {
      jar(
          "tools.jar",
          "1.1",
          List.of(
              plugin(
                  "com.example.tools.Reverse",
                  "reverse",
                  "new StringBuilder(input).reverse().toString()"),
              plugin(
                  "com.example.tools.Length",
                  "length",
                  "Integer.toString(input.codePointCount(0, input.length()))")),
          List.of("com.example.tools.Reverse", "com.example.tools.Length"));
      host.refresh();
      assertThat(host.plugins()).extracting(PluginInfo::name).containsExactly("length", "reverse");
      assertThat(host.run("reverse", "abc")).isEqualTo("cba");
      assertThat(host.run("length", "🚀🚀")).isEqualTo("2");
    }

    @Test
    void aChangedJarIsReloaded() throws IOException {
      upperJar("tool.jar");
      host.refresh();
      assertThat(host.run("upper", "a")).isEqualTo("A");
      Path replaced =
          jar(
              "tool.jar",
              "1.0",
              List.of(plugin("com.example.upper.Upper", "upper", "\"v2:\" + input")),
              List.of("com.example.upper.Upper"));
      Files.setLastModifiedTime(replaced, FileTime.from(Instant.now().plusSeconds(60)));
      Report report = host.refresh();
      assertThat(report.unloaded()).containsExactly("tool.jar");
      assertThat(report.loaded()).containsExactly("tool.jar");
      assertThat(host.run("upper", "a")).isEqualTo("v2:a");
    }
  }

  @Nested
  class Versions {

    @ParameterizedTest(name = "plugin built for {0}: loaded {1}")
    @CsvSource({"1.0, true", "1.1, true", " 1.1 , true", "1.2, false", "2.0, false", "0.9, false"})
    void theHostAcceptsTheSameMajorAndAMinorItKnows(String needed, boolean accepted)
        throws IOException {
      jar(
          "versioned.jar",
          needed,
          List.of(plugin("com.example.v.V", "v", "input")),
          List.of("com.example.v.V"));
      Report report = host.refresh();
      if (accepted) {
        assertThat(report.loaded()).containsExactly("versioned.jar");
      } else {
        assertThat(report.rejected())
            .containsExactly(
                new Rejection(
                    "versioned.jar",
                    "needs plugin API " + needed.strip() + ", the host has " + Plugin.API_VERSION));
        assertThat(host.plugins()).isEmpty();
      }
    }

    @Test
    void aMissingOrMalformedVersionIsRejected() throws IOException {
      List<Source> sources = List.of(plugin("com.example.v.V", "v", "input"));
      jar("none.jar", null, sources, List.of("com.example.v.V"));
      jar("words.jar", "one.two", sources, List.of("com.example.v.V"));
      assertThat(host.refresh().rejected())
          .containsExactly(
              new Rejection("none.jar", "its manifest has no Plugin-Api-Version"),
              new Rejection("words.jar", "Plugin-Api-Version is not major.minor: 'one.two'"));
    }
  }

  @Nested
  class Failures {

    @Test
    void aPluginWhoseConstructorFailsRejectsItsJarOnlyNamingIt() throws IOException {
      Source failing =
          new Source(
              "com.example.bad.Bad",
              """
              package com.example.bad;
              public final class Bad implements org.interviewtasks.senior.advanced.plugins.api.Plugin {
                public Bad() { throw new IllegalStateException("no config file"); }
                @Override public String name() { return "bad"; }
                @Override public String apply(String input) { return input; }
              }
              """);
      jar(
          "bad.jar",
          "1.0",
          List.of(failing, plugin("com.example.bad.Good", "good-in-bad", "input")),
          List.of("com.example.bad.Good", "com.example.bad.Bad"));
      upperJar("upper.jar");
      Report report = host.refresh();
      assertThat(report.loaded()).containsExactly("upper.jar");
      assertThat(report.rejected())
          .singleElement()
          .satisfies(
              rejection -> {
                assertThat(rejection.jar()).isEqualTo("bad.jar");
                assertThat(rejection.reason())
                    .contains("a plugin failed to load")
                    .contains("com.example.bad.Bad")
                    .contains("no config file");
              });
      assertThat(host.plugins()).extracting(PluginInfo::name).containsExactly("upper");
      assertThat(host.rejected()).isEqualTo(report.rejected());
      assertThat(host.refresh().rejected()).as("not retried until the jar changes").isEmpty();
      Files.delete(folder.resolve("bad.jar"));
      host.refresh();
      assertThat(host.rejected()).isEmpty();
    }

    @Test
    void aPluginThatThrowsWhileRunningIsReportedWithItsJarAndStaysLoaded() throws IOException {
      jar(
          "strict.jar",
          "1.0",
          List.of(
              plugin(
                  "com.example.strict.Strict",
                  "strict",
                  "input.isEmpty() ? input.substring(1) : input.strip()"),
              plugin("com.example.strict.Nothing", "nothing", "null")),
          List.of("com.example.strict.Strict", "com.example.strict.Nothing"));
      host.refresh();
      assertThatThrownBy(() -> host.run("strict", ""))
          .isInstanceOf(PluginException.class)
          .hasMessageStartingWith("plugin 'strict' from strict.jar failed: ")
          .hasCauseInstanceOf(StringIndexOutOfBoundsException.class);
      assertThat(host.run("strict", "  ok  ")).isEqualTo("ok");
      assertThatThrownBy(() -> host.run("nothing", "x"))
          .isInstanceOf(PluginException.class)
          .hasMessage("plugin 'nothing' from strict.jar returned null");
    }

    @Test
    void aClassMissingFromThePluginsJarIsContainedToo() throws IOException {
      // Compiled against the library, shipped without it: a LinkageError when it runs.
      Path built =
          PluginJars.build(
              work,
              work.resolve("with-lib.jar"),
              "1.0",
              List.of(
                  library("9"),
                  plugin("com.example.gap.Gap", "gap", "com.example.lib.TextLib.version()")),
              List.of("com.example.gap.Gap"));
      Path stripped = folder.resolve("gap.jar");
      try (var in = new java.util.jar.JarFile(built.toFile());
          var out =
              new java.util.jar.JarOutputStream(
                  Files.newOutputStream(stripped), in.getManifest())) {
        for (var entries = in.entries(); entries.hasMoreElements(); ) {
          var entry = entries.nextElement();
          if (!entry.getName().startsWith("com/example/lib/")
              && !entry.getName().equals("META-INF/MANIFEST.MF")) {
            out.putNextEntry(new java.util.jar.JarEntry(entry.getName()));
            out.write(in.getInputStream(entry).readAllBytes());
            out.closeEntry();
          }
        }
      }
      host.refresh();
      assertThatThrownBy(() -> host.run("gap", "x"))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("plugin 'gap' from gap.jar failed")
          .hasCauseInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void duplicateNamesNotAJarAndNoProvidersAreRejectedWithReasons() throws IOException {
      upperJar("a-upper.jar");
      upperJar("b-upper.jar");
      Files.writeString(folder.resolve("c-text.jar"), "not a zip");
      jar("d-empty.jar", "1.0", List.of(plugin("com.example.e.E", "e", "input")), List.of());
      Files.createDirectory(folder.resolve("e-folder.jar"));
      Files.writeString(folder.resolve("readme.txt"), "ignored: not a jar name");
      Report report = host.refresh();
      assertThat(report.loaded()).containsExactly("a-upper.jar");
      assertThat(report.rejected())
          .extracting(Rejection::jar)
          .containsExactly("b-upper.jar", "c-text.jar", "d-empty.jar");
      assertThat(report.rejected().get(0).reason())
          .isEqualTo("plugin name 'upper' is already provided by a-upper.jar");
      assertThat(report.rejected().get(1).reason()).startsWith("not a readable jar: ");
      assertThat(report.rejected().get(2).reason())
          .isEqualTo("provides no plugin (no META-INF/services/" + Plugin.class.getName() + ")");
    }
  }

  @Nested
  class Unloading {

    @Test
    void aRemovedJarsClassesCanBeCollectedOnceItsLoaderIsClosed() throws IOException {
      upperJar("upper.jar");
      host.refresh();
      assertThat(host.run("upper", "x")).isEqualTo("X");
      WeakReference<Class<?>> pluginClass = new WeakReference<>(host.classOf("upper"));
      WeakReference<ClassLoader> loader =
          new WeakReference<>(host.classOf("upper").getClassLoader());

      Files.delete(folder.resolve("upper.jar"));
      assertThat(host.refresh().unloaded()).containsExactly("upper.jar");
      assertThat(host.plugins()).isEmpty();
      assertThatThrownBy(() -> host.run("upper", "x")).isInstanceOf(NoSuchElementException.class);

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                System.gc();
                return pluginClass.get() == null && loader.get() == null;
              });
    }

    @Test
    void closingTheHostUnloadsEverything() throws IOException {
      upperJar("upper.jar");
      host.refresh();
      WeakReference<Class<?>> pluginClass = new WeakReference<>(host.classOf("upper"));
      host.close();
      host.close();
      assertThatIllegalStateException().isThrownBy(host::refresh).withMessageContaining("closed");
      assertThatIllegalStateException().isThrownBy(() -> host.run("upper", "x"));
      assertThat(host.plugins()).isEmpty();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                System.gc();
                return pluginClass.get() == null;
              });
    }
  }

  @Nested
  class BadInput {

    @Test
    void theFolderMustExistAndBeADirectory() throws IOException {
      assertThatNullPointerException().isThrownBy(() -> PluginHost.open(null));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> PluginHost.open(work.resolve("missing")))
          .withMessage("the plugin folder is not a directory: " + work.resolve("missing"));
      Path file = Files.writeString(work.resolve("file"), "x");
      assertThatIllegalArgumentException().isThrownBy(() -> PluginHost.open(file));
    }

    @Test
    void runNeedsAKnownNameAndAnInput() throws IOException {
      upperJar("upper.jar");
      host.refresh();
      assertThatNullPointerException().isThrownBy(() -> host.run(null, "x")).withMessage("name");
      assertThatNullPointerException()
          .isThrownBy(() -> host.run("upper", null))
          .withMessage("input");
      assertThatThrownBy(() -> host.run("lower", "x"))
          .isInstanceOf(NoSuchElementException.class)
          .hasMessage("no plugin named 'lower'; loaded: [upper]");
      assertThatThrownBy(() -> host.classOf("lower")).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aFolderThatDisappearsIsAClearError() throws IOException {
      Files.delete(folder);
      assertThatThrownBy(host::refresh)
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessage("cannot list the plugin folder " + folder.toAbsolutePath());
    }
  }
}
