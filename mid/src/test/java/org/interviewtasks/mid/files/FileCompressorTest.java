package org.interviewtasks.mid.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.mid.files.FileCompressor.Limits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileCompressorTest {

  @TempDir Path dir;

  /** Writes a zip whose entries have exactly the given names and contents, as an attacker could. */
  private Path craftedZip(Map<String, String> entries) throws IOException {
    Path zip = dir.resolve("crafted.zip");
    try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (var entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return zip;
  }

  private List<Path> listing(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.sorted().toList();
    }
  }

  @Nested
  class Gzip {

    @Test
    void roundTripsAFile() throws IOException {
      Path source = dir.resolve("data.txt");
      Files.writeString(source, "hello gzip ".repeat(1000) + "ünïcödé 😀", StandardCharsets.UTF_8);
      Path gz = dir.resolve("out/data.txt.gz");

      long compressed = FileCompressor.gzip(source, gz);

      assertThat(compressed).isEqualTo(Files.size(gz)).isLessThan(Files.size(source) / 10);
      try (var in = new GZIPInputStream(Files.newInputStream(gz))) {
        assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(source));
      }
      Path back = dir.resolve("back.txt");
      assertThat(FileCompressor.gunzip(gz, back)).isEqualTo(Files.size(source));
      assertThat(back).hasSameBinaryContentAs(source);
    }

    @Test
    void roundTripsAnEmptyFileAndReplacesTheTarget() throws IOException {
      Path empty = Files.createFile(dir.resolve("empty"));
      Path gz = Files.writeString(dir.resolve("empty.gz"), "old");
      FileCompressor.gzip(empty, gz);
      Path back = Files.writeString(dir.resolve("back"), "old content");

      assertThat(FileCompressor.gunzip(gz, back)).isZero();
      assertThat(back).isEmptyFile();
      assertThat(listing(dir)).containsExactly(dir, back, empty, gz);
    }

    @Test
    void readsConcatenatedMembers() throws IOException {
      Path a = Files.writeString(dir.resolve("a"), "first ");
      Path b = Files.writeString(dir.resolve("b"), "second");
      Path gzA = dir.resolve("a.gz");
      Path gzB = dir.resolve("b.gz");
      FileCompressor.gzip(a, gzA);
      FileCompressor.gzip(b, gzB);
      Path both = dir.resolve("both.gz");
      Files.write(both, Files.readAllBytes(gzA));
      Files.write(both, Files.readAllBytes(gzB), java.nio.file.StandardOpenOption.APPEND);

      Path out = dir.resolve("out");
      assertThat(FileCompressor.gunzip(both, out)).isEqualTo(12);
      assertThat(out).hasContent("first second");
    }

    @Test
    void stopsAGzipBombAtTheLimitAndLeavesNoTarget() throws IOException {
      Path big = Files.write(dir.resolve("zeros"), new byte[200_000]);
      Path gz = dir.resolve("zeros.gz");
      FileCompressor.gzip(big, gz);
      Path out = dir.resolve("out");

      assertThatThrownBy(() -> FileCompressor.gunzip(gz, out, 199_999))
          .isInstanceOf(ZipException.class)
          .hasMessage(gz + " inflates beyond the limit of 199999 bytes");
      assertThat(listing(dir)).containsExactly(dir, big, gz);
      assertThat(FileCompressor.gunzip(gz, out, 200_000)).isEqualTo(200_000);
    }

    @Test
    void rejectsWhatIsNotGzip() throws IOException {
      Path text = Files.writeString(dir.resolve("plain.txt"), "not gzip at all");
      Path out = dir.resolve("out");

      assertThatThrownBy(() -> FileCompressor.gunzip(text, out))
          .isInstanceOf(ZipException.class)
          .hasMessage("Not in GZIP format");
      assertThat(listing(dir)).containsExactly(dir, text);
    }

    @Test
    void rejectsBadArguments() throws IOException {
      Path file = Files.writeString(dir.resolve("f"), "x");
      assertThatThrownBy(() -> FileCompressor.gzip(dir.resolve("missing"), dir.resolve("m.gz")))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(dir.resolve("missing").toString());
      assertThatThrownBy(() -> FileCompressor.gzip(dir, dir.resolve("d.gz")))
          .isInstanceOf(IOException.class)
          .hasMessage(dir + " is not a regular file");
      assertThatThrownBy(() -> FileCompressor.gzip(file, dir))
          .isInstanceOf(FileAlreadyExistsException.class)
          .hasMessage(dir + " is a directory");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCompressor.gunzip(file, dir.resolve("o"), -1))
          .withMessage("maxBytes must not be negative: -1");
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.gzip(null, file))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.gzip(file, null))
          .withMessage("target");
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.gunzip(file, null))
          .withMessage("target");
    }
  }

  @Nested
  class Zip {

    Path tree() throws IOException {
      Path src = dir.resolve("src");
      Files.createDirectories(src.resolve("docs/empty"));
      Files.createDirectories(src.resolve("ünï/𝔘"));
      Files.writeString(src.resolve("b.txt"), "bee");
      Files.writeString(src.resolve("a.txt"), "ay");
      Files.writeString(src.resolve("docs/readme.md"), "# hi");
      Files.createFile(src.resolve("docs/zero"));
      Files.writeString(src.resolve("ünï/𝔘/名前.txt"), "😀", StandardCharsets.UTF_8);
      return src;
    }

    @Test
    void writesRelativeSortedEntriesWithSlashesAndDirectories() throws IOException {
      Path zip = dir.resolve("tree.zip");

      List<String> names = FileCompressor.zip(tree(), zip);

      assertThat(names)
          .containsExactly(
              "a.txt",
              "b.txt",
              "docs/",
              "docs/empty/",
              "docs/readme.md",
              "docs/zero",
              "ünï/",
              "ünï/𝔘/",
              "ünï/𝔘/名前.txt");
      try (var file = new ZipFile(zip.toFile())) {
        assertThat(file.stream().map(ZipEntry::getName).toList()).isEqualTo(names);
        assertThat(file.getEntry("docs/empty/").isDirectory()).isTrue();
        assertThat(file.getInputStream(file.getEntry("b.txt")).readAllBytes())
            .isEqualTo("bee".getBytes(StandardCharsets.UTF_8));
      }
    }

    @Test
    void roundTripsATreeWithEmptyFilesDirectoriesAndUnicodeNames() throws IOException {
      Path src = tree();
      Path zip = dir.resolve("tree.zip");
      FileCompressor.zip(src, zip);
      Path target = dir.resolve("target");

      List<Path> extracted = FileCompressor.unzip(zip, target);

      assertThat(extracted)
          .hasSize(9)
          .startsWith(target.toRealPath().resolve("a.txt"))
          .contains(target.toRealPath().resolve("docs/empty"));
      assertThat(contents(target)).isEqualTo(contents(src));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.mid.files.FileCompressorTest#seeds")
    void roundTripsRandomTrees(long seed) throws IOException {
      var random = new SplittableRandom(seed);
      Path src = dir.resolve("src");
      Files.createDirectories(src);
      List<Path> dirs = new ArrayList<>(List.of(src));
      int files = random.nextInt(8);
      for (int i = 0; i < files; i++) {
        Path parent = dirs.get(random.nextInt(dirs.size()));
        if (random.nextBoolean()) {
          dirs.add(Files.createDirectories(parent.resolve("d" + i)));
        } else {
          byte[] bytes = new byte[random.nextInt(3000)];
          random.nextBytes(bytes);
          Files.write(parent.resolve("f" + i + ".bin"), bytes);
        }
      }
      Path zip = dir.resolve("r.zip");
      FileCompressor.zip(src, zip);
      Path target = dir.resolve("target");
      FileCompressor.unzip(zip, target);

      assertThat(contents(target)).isEqualTo(contents(src));
    }

    @Test
    void refusesSymbolicLinksInTheTree() throws IOException {
      Path src = tree();
      Path link = Files.createSymbolicLink(src.resolve("link"), dir);
      Path zip = dir.resolve("x.zip");

      assertThatThrownBy(() -> FileCompressor.zip(src, zip))
          .isInstanceOf(IOException.class)
          .hasMessage("symbolic links are not zipped: " + link.toAbsolutePath().normalize());
      assertThat(zip).doesNotExist();
    }

    @Test
    void rejectsBadArguments() throws IOException {
      Path file = Files.writeString(dir.resolve("f"), "x");
      assertThatThrownBy(() -> FileCompressor.zip(dir.resolve("none"), dir.resolve("z.zip")))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessage(dir.resolve("none").toString());
      assertThatThrownBy(() -> FileCompressor.zip(file, dir.resolve("z.zip")))
          .isInstanceOf(IOException.class)
          .hasMessage(file + " is not a directory");
      assertThatThrownBy(() -> FileCompressor.zip(dir, dir.resolve("z.zip")))
          .isInstanceOf(IOException.class)
          .hasMessage("the zip file " + dir.resolve("z.zip") + " must not be inside " + dir);
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.zip(null, file))
          .withMessage("sourceDir");
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.zip(dir, null))
          .withMessage("zipFile");
    }
  }

  @Nested
  class Unzip {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "../evil",
          "../../etc/cron.d/evil",
          "ok/../../evil",
          "a/b/../../../evil",
          "..\\evil",
          "sub\\..\\..\\evil",
          ".."
        })
    void refusesEntriesThatEscapeTheTarget(String name) throws IOException {
      Path zip = craftedZip(Map.of("fine.txt", "ok", name, "pwned"));
      Path target = dir.resolve("target");

      assertThatThrownBy(() -> FileCompressor.unzip(zip, target))
          .isInstanceOf(ZipException.class)
          .hasMessage(
              "zip entry '"
                  + name
                  + "' would be extracted outside "
                  + target.toRealPath()
                  + "; refused");
      assertThat(listing(target)).containsExactly(target);
      assertThat(dir.resolve("evil")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/tmp/evil", "\\evil", "C:/evil", "c:\\evil"})
    void refusesAbsoluteEntries(String name) throws IOException {
      Path zip = craftedZip(Map.of(name, "pwned"));
      Path target = dir.resolve("target");

      assertThatThrownBy(() -> FileCompressor.unzip(zip, target))
          .isInstanceOf(ZipException.class)
          .hasMessage("zip entry '" + name + "' has an absolute path; refused");
      assertThat(listing(target)).containsExactly(target);
    }

    @Test
    void allowsDotDotThatStaysInside() throws IOException {
      Path zip = craftedZip(Map.of("a/../b.txt", "fine"));
      Path target = dir.resolve("target");

      assertThat(FileCompressor.unzip(zip, target))
          .containsExactly(target.toRealPath().resolve("b.txt"));
      assertThat(target.resolve("b.txt")).hasContent("fine");
    }

    @Test
    void refusesToWriteThroughASymbolicLinkThatLeavesTheTarget() throws IOException {
      Path outside = Files.createDirectories(dir.resolve("outside"));
      Path target = Files.createDirectories(dir.resolve("target"));
      Files.createSymbolicLink(target.resolve("link"), outside);
      Path zip = craftedZip(new TreeMap<>(Map.of("a.txt", "first", "link/evil", "pwned")));

      assertThatThrownBy(() -> FileCompressor.unzip(zip, target))
          .isInstanceOf(ZipException.class)
          .hasMessage(
              target.toRealPath().resolve("link")
                  + " leads outside "
                  + target.toRealPath()
                  + " through a symbolic link; refused");
      assertThat(listing(outside)).containsExactly(outside);
      assertThat(target.resolve("a.txt")).as("removed again").doesNotExist();
    }

    @Test
    void neverOverwritesAnExistingFile() throws IOException {
      Path target = Files.createDirectories(dir.resolve("target"));
      Path mine = Files.writeString(target.resolve("mine.txt"), "precious");
      Path zip = craftedZip(new TreeMap<>(Map.of("a/new.txt", "n", "mine.txt", "overwrite")));

      assertThatThrownBy(() -> FileCompressor.unzip(zip, target))
          .isInstanceOf(FileAlreadyExistsException.class);
      assertThat(mine).hasContent("precious");
      assertThat(listing(target)).containsExactly(target, mine);
    }

    @Test
    void limitsTheNumberOfEntries() throws IOException {
      Path zip = craftedZip(new TreeMap<>(Map.of("a", "1", "b", "2", "c", "3")));
      Path target = dir.resolve("target");

      assertThatThrownBy(() -> FileCompressor.unzip(zip, target, new Limits(2, 100)))
          .isInstanceOf(ZipException.class)
          .hasMessage(zip + " has 3 entries, more than the limit of 2");
      assertThat(target).doesNotExist();
      assertThat(FileCompressor.unzip(zip, target, new Limits(3, 3))).hasSize(3);
    }

    @Test
    void limitsTheInflatedBytesAndRemovesWhatItExtracted() throws IOException {
      Path zip = craftedZip(new TreeMap<>(Map.of("a/one", "12345", "a/two", "6789", "b", "0")));
      Path target = dir.resolve("target");

      assertThatThrownBy(() -> FileCompressor.unzip(zip, target, new Limits(10, 8)))
          .isInstanceOf(ZipException.class)
          .hasMessage(zip + " inflates beyond the limit of 8 bytes");
      assertThat(listing(target)).containsExactly(target);
      assertThat(FileCompressor.unzip(zip, dir.resolve("t2"), new Limits(10, 10))).hasSize(3);
    }

    @Test
    void rejectsBadArguments() throws IOException {
      Path notZip = Files.writeString(dir.resolve("not.zip"), "plain text");
      assertThatThrownBy(() -> FileCompressor.unzip(notZip, dir.resolve("t")))
          .isInstanceOf(ZipException.class);
      assertThatThrownBy(() -> FileCompressor.unzip(dir.resolve("none.zip"), dir.resolve("t")))
          .isInstanceOf(NoSuchFileException.class);
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.unzip(notZip, null))
          .withMessage("targetDir");
      assertThatNullPointerException()
          .isThrownBy(() -> FileCompressor.unzip(notZip, dir, null))
          .withMessage("limits");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Limits(-1, 0))
          .withMessage("limits must not be negative: -1 entries, 0 bytes");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Limits(0, -1))
          .withMessage("limits must not be negative: 0 entries, -1 bytes");
      assertThat(Limits.DEFAULT).isEqualTo(new Limits(10_000, 1L << 30));
      assertThat(Limits.NONE).isEqualTo(new Limits(Long.MAX_VALUE, Long.MAX_VALUE));
    }
  }

  @Nested
  class Main {

    @Test
    void runsEachCommand() throws Exception {
      Path src = Files.createDirectories(dir.resolve("src"));
      Path file = Files.writeString(src.resolve("f.txt"), "main");
      String n = System.lineSeparator();

      var gz =
          StdStreams.capture(() -> FileCompressor.main("gzip", file.toString(), dir + "/f.gz"));
      var gunzip =
          StdStreams.capture(() -> FileCompressor.main("gunzip", dir + "/f.gz", dir + "/f.out"));
      var zip =
          StdStreams.capture(() -> FileCompressor.main("zip", src.toString(), dir + "/s.zip"));
      var unzip =
          StdStreams.capture(() -> FileCompressor.main("unzip", dir + "/s.zip", dir + "/t"));

      assertThat(gz.out())
          .isEqualTo(dir + "/f.gz: " + Files.size(dir.resolve("f.gz")) + " bytes" + n);
      assertThat(gunzip.out()).isEqualTo(dir + "/f.out: 4 bytes" + n);
      assertThat(zip.out()).isEqualTo("f.txt" + n);
      assertThat(unzip.out()).isEqualTo(dir.resolve("t").toRealPath().resolve("f.txt") + n);
    }

    @Test
    void rejectsBadUsage() {
      String usage =
          "usage: mid.files.3 gzip|gunzip <source> <target> | zip <dir> <zip> | unzip <zip> <dir>";
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCompressor.main("gzip", "a"))
          .withMessage(usage);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> FileCompressor.main("bzip2", "a", "b"))
          .withMessage(usage);
    }
  }

  /** Every file and directory under root, relative, with file contents (null for directories). */
  private static Map<String, String> contents(Path root) throws IOException {
    Map<String, String> result = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.filter(p -> !p.equals(root)).toList()) {
        String key = root.relativize(path).toString();
        result.put(
            key,
            Files.isDirectory(path)
                ? "<dir>"
                : java.util.HexFormat.of().formatHex(Files.readAllBytes(path)));
      }
    }
    return result;
  }

  static LongStream seeds() {
    return Seeds.derive(50);
  }

  @Test
  void theRootIsNoTarget(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("a.txt"), "a");
    assertThatThrownBy(() -> FileCompressor.gzip(source, Path.of("/")))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessage("/ is a directory");
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void aPipeIsNotReplacedByTheCompressedFile(@TempDir Path dir) throws Exception {
    Path source = Files.writeString(dir.resolve("a.txt"), "a");
    Path pipe = dir.resolve("pipe.gz");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

    assertThatThrownBy(() -> FileCompressor.gzip(source, pipe))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(pipe + ": is not a regular file (a device or a pipe is not replaced)");
    assertThat(Files.isRegularFile(pipe)).isFalse();
    assertThat(Files.exists(pipe)).isTrue();
    try (var left = Files.list(dir)) {
      assertThat(left).containsExactlyInAnyOrder(source, pipe);
    }
  }
}
