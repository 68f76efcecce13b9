package org.interviewtasks.senior.advanced.singleton;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * A JVM that competes for the role, driven by {@link ProcessSafeSingletonTest} over stdin and
 * stdout: it prints {@code READY}, waits for a line (the shared start signal), then either tries
 * once ({@code try}: {@code INSTANCE <pid>} or {@code BUSY <holder pid>}) or waits ({@code wait}:
 * {@code WAITING}, then {@code INSTANCE <pid>} once it has the role). A holder keeps the role until
 * the next line or the end of stdin. The factory appends {@code <pid>} to the instances log, the
 * proof of how many instances were made.
 *
 * <p>Usage: {@code SingletonChild <lock file> <try|wait> <instances log> <note>}.
 */
final class SingletonChild {

  private SingletonChild() {}

  public static void main(String... args) throws Exception {
    Path lockFile = Path.of(args[0]);
    boolean wait = args[1].equals("wait");
    Path instances = Path.of(args[2]);
    long pid = ProcessHandle.current().pid();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    ProcessSafeSingleton<Long> singleton =
        ProcessSafeSingleton.of(
            lockFile,
            () -> {
              try {
                Files.writeString(
                    instances,
                    pid + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return pid;
            },
            ProcessSafeSingleton.Options.defaults()
                .withNote(args[3])
                .withPollInterval(Duration.ofMillis(10)));
    out.println("READY");
    in.readLine();
    Optional<ProcessSafeSingleton.Role<Long>> role = singleton.tryAcquire();
    if (role.isEmpty() && wait) {
      out.println("WAITING");
      role = Optional.of(singleton.acquire(Duration.ofMinutes(2)));
    }
    if (role.isEmpty()) {
      out.println("BUSY " + singleton.holder().map(h -> Long.toString(h.pid())).orElse("?"));
      return;
    }
    out.println("INSTANCE " + role.get().instance());
    in.readLine();
    role.get().close();
  }
}
