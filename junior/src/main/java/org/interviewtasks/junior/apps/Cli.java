package org.interviewtasks.junior.apps;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.interviewtasks.common.TaskExit;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/**
 * What the command lines of this package share: how picocli runs them, how a failure is reported,
 * and how an exit code reaches {@link org.interviewtasks.common.TaskRunner}.
 *
 * <p>Exit codes follow picocli's defaults: {@value #OK} done, {@value #FAILED} the command failed
 * (its exception's message goes to standard error as {@code error: ...}, without a stack trace),
 * {@value #USAGE} the command line was wrong (picocli prints the problem and the usage).
 */
final class Cli {

  static final int OK = CommandLine.ExitCode.OK;
  static final int FAILED = CommandLine.ExitCode.SOFTWARE;
  static final int USAGE = CommandLine.ExitCode.USAGE;

  private static final String VERSION = loadVersion();

  private Cli() {}

  /**
   * Runs {@code command} on {@code args} with the given writers, without colours, and returns the
   * exit code. Both writers are flushed, not closed.
   */
  static int execute(Object command, PrintWriter out, PrintWriter err, String... args) {
    return execute(command, Help.Ansi.OFF, out, err, args);
  }

  /**
   * Runs {@code command} on the console (colours where the terminal has them) and passes its exit
   * code on as {@link #exit} does: the way a task's {@code main} ends.
   */
  static void main(String taskId, Object command, String... args) {
    PrintWriter out = console(System.out);
    PrintWriter err = console(System.err);
    exit(taskId, execute(command, Help.Ansi.AUTO, out, err, args));
  }

  /**
   * Hands an exit code to the task runner: returns for {@value #OK}, throws {@link
   * IllegalArgumentException} (the runner's usage error, exit code 2) for {@value #USAGE}, and
   * {@link TaskExit} with the code for anything else. The command has already printed why.
   */
  static void exit(String taskId, int code) {
    if (code == USAGE) {
      throw new IllegalArgumentException("usage: " + taskId + " --help shows how to call it");
    }
    if (code != OK) {
      throw new TaskExit(code);
    }
  }

  /** The project's version, e.g. {@code 1.0.0}, or {@code dev} when the build did not stamp it. */
  static String version() {
    return VERSION;
  }

  private static int execute(
      Object command, Help.Ansi ansi, PrintWriter out, PrintWriter err, String... args) {
    CommandLine line =
        new CommandLine(command)
            .setOut(out)
            .setErr(err)
            .setColorScheme(Help.defaultColorScheme(ansi))
            .setExecutionExceptionHandler(Cli::reportFailure);
    try {
      return line.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int reportFailure(Exception failure, CommandLine line, ParseResult parsed) {
    line.getErr().println("error: " + describe(failure));
    return FAILED;
  }

  /** A one-line reason for a failure: its message, or its class name when it has none. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }

  private static PrintWriter console(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
  }

  private static String loadVersion() {
    try (InputStream in = Cli.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "");
      return version.isBlank() || version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code --version} of every command: the project's version. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"interview-tasks " + version()};
    }
  }
}
