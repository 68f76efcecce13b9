package org.interviewtasks.senior.infra;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Sends a POSIX signal to a child process: SIGSTOP to freeze it as a long GC pause or a stalled VM
 * would (its sockets stay open, what it was sent waits unanswered), SIGCONT to let it run again.
 * The JDK sends only TERM and KILL ({@link Process#destroy}, {@link Process#destroyForcibly}), so
 * this goes through the shell's {@code kill} builtin, which needs no procps package.
 */
public final class Signals {

  private static final List<String> SIGNALS = List.of("STOP", "CONT");

  private Signals() {}

  /**
   * Sends {@code SIG<name>} to the process.
   *
   * @param name {@code STOP} or {@code CONT}
   * @throws IllegalArgumentException for another name
   * @throws IllegalStateException if the signal cannot be sent (the process is gone, say)
   */
  public static void send(ProcessHandle process, String name) {
    String signal = name.toUpperCase(Locale.ROOT);
    if (!SIGNALS.contains(signal)) {
      throw new IllegalArgumentException("signal must be one of " + SIGNALS + ": " + name);
    }
    long pid = process.pid();
    try {
      Process kill =
          new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + signal + " failed for process " + pid);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot send SIG" + signal + " to process " + pid, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling process " + pid, e);
    }
  }
}
