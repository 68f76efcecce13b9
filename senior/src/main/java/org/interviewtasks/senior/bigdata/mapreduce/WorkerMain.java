package org.interviewtasks.senior.bigdata.mapreduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.interviewtasks.common.Args;

/**
 * The main class of a worker process: {@code java -cp <class path> WorkerMain <spec> <counters>}
 * runs the task attempt described by the spec file (written by {@link MapReduce} in {@link
 * MapReduce.Mode#PROCESSES} mode), writes its counters, and exits 0; on failure it prints the stack
 * trace, then a last line {@code worker failed: <cause>} that the parent quotes, and exits 1.
 */
public final class WorkerMain {

  private WorkerMain() {}

  /** Runs the attempt and exits with its status. */
  public static void main(String... args) {
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the attempt; returns 0 on success, 1 if it failed, 2 on bad usage. */
  static int run(String... args) {
    if (args.length != 2) {
      System.err.println("usage: WorkerMain <spec.properties> <counters file>");
      return 2;
    }
    try {
      Properties spec = new Properties();
      try (InputStream in = Files.newInputStream(Args.toPath(args[0]))) {
        spec.load(in);
      }
      MapReduce.Counters counters = Tasks.run(Tasks.Spec.fromProperties(spec));
      writeCounters(Args.toPath(args[1]), counters);
      return 0;
    } catch (Exception | Error e) {
      e.printStackTrace();
      System.err.println("worker failed: " + e);
      return 1;
    }
  }

  static void writeCounters(Path file, MapReduce.Counters counters) throws IOException {
    Properties p = new Properties();
    p.setProperty("inputLines", Long.toString(counters.inputLines()));
    p.setProperty("mapOutputRecords", Long.toString(counters.mapOutputRecords()));
    p.setProperty("spills", Long.toString(counters.spills()));
    p.setProperty("reduceGroups", Long.toString(counters.reduceGroups()));
    p.setProperty("outputLines", Long.toString(counters.outputLines()));
    Path temp = Path.of(file + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      p.store(out, "counters");
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static MapReduce.Counters readCounters(Path file) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      p.load(in);
    }
    return new MapReduce.Counters(
        Long.parseLong(p.getProperty("inputLines")),
        Long.parseLong(p.getProperty("mapOutputRecords")),
        Long.parseLong(p.getProperty("spills")),
        Long.parseLong(p.getProperty("reduceGroups")),
        Long.parseLong(p.getProperty("outputLines")),
        0);
  }
}
