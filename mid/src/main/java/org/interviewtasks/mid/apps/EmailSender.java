package org.interviewtasks.mid.apps;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.interviewtasks.common.Task;
import org.interviewtasks.junior.apps.EmailSender.Attachment;
import org.interviewtasks.junior.apps.EmailSender.Credentials;
import org.interviewtasks.junior.apps.EmailSender.Email;
import org.interviewtasks.junior.apps.EmailSender.Security;
import org.interviewtasks.junior.apps.EmailSender.Smtp;
import org.interviewtasks.mid.files.CsvToMaps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Sends a personalised email to each of many recipients (a mail merge), retrying temporary SMTP
 * failures, and reports what happened to every recipient.
 *
 * <p>It goes deeper than junior's {@code EmailSender}, which sends one message, and builds on it:
 * junior's class is the transport (its STARTTLS-by-default security, MIME building, attachment type
 * detection and timeouts are reused as they are), and its {@link Smtp}, {@link Attachment} and
 * {@link Email} types are the vocabulary. What is added is what a batch needs.
 *
 * <p><b>Approach.</b> One message per recipient, never one message to all (recipients must not see
 * each other, and one bad address must not sink the others). The subject and text are templates
 * with {@code {{name}}} placeholders filled from the recipient's values. Each send is tried up to
 * {@code maxAttempts} times when the failure is temporary (an SMTP 4xx reply such as 421 or 451, a
 * timeout or a refused connection), waiting {@code baseDelay · 2^(attempt-1)} in between through an
 * injected {@link UrlDownloader.Sleeper}; a permanent failure (5xx: unknown mailbox, rejected
 * message) is reported at once. O(recipients) messages, sent one after the other: SMTP servers
 * throttle parallel senders.
 *
 * <p><b>Edge cases.</b> A placeholder without a value is an error for that recipient, not an empty
 * string in a customer's mail. A value containing a line break is refused in the subject: it would
 * let the data inject mail headers (a name of {@code "Ann\r\nBcc: everyone@example.com"}). Double
 * braces that do not form a placeholder are kept as text. A malformed address fails that recipient
 * without a connection. Results keep the input order.
 *
 * <p><b>Follow-up.</b> <i>"HTML mail?"</i> A {@code multipart/alternative} of text and HTML, where
 * every value is HTML-escaped before it is inserted. <i>"Ten thousand recipients?"</i> Keep one
 * SMTP connection for many messages, respect the provider's rate limit, and persist the results so
 * a crash resumes where it stopped instead of mailing everyone twice.
 */
@Task(id = "mid.apps.1", title = "Mail merge over SMTP with retries and a per-recipient report")
public final class EmailSender {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

  /** Sends one email; junior's {@code EmailSender::send} in production, a fake in tests. */
  @FunctionalInterface
  public interface Transport {
    /** Sends {@code email}. */
    void send(Email email) throws MessagingException;
  }

  /**
   * The message every recipient gets, before personalisation.
   *
   * @param from the sender's address
   * @param subject the subject template
   * @param text the body template
   * @param attachments the files attached to every message
   */
  public record Template(String from, String subject, String text, List<Attachment> attachments) {
    /** Rejects nulls and copies the list. */
    public Template {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(text, "text");
      attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments"));
    }
  }

  /**
   * One recipient and the values for the placeholders.
   *
   * @param address the recipient's email address
   * @param values the placeholder values by name
   */
  public record Recipient(String address, Map<String, String> values) {
    /** Rejects nulls and copies the map. */
    public Recipient {
      Objects.requireNonNull(address, "address");
      values = Map.copyOf(Objects.requireNonNull(values, "values"));
    }
  }

  /**
   * What happened to one recipient.
   *
   * @param address the recipient
   * @param attempts how many sends were tried (0 if the message could not even be built)
   * @param error why it failed, or {@code null} if it was sent
   */
  public record Result(String address, int attempts, String error) {
    /** Whether the message was sent. */
    public boolean sent() {
      return error == null;
    }
  }

  private final Transport transport;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final UrlDownloader.Sleeper sleeper;

  /**
   * A sender.
   *
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or the delay negative
   */
  public EmailSender(
      Transport transport, int maxAttempts, Duration baseDelay, UrlDownloader.Sleeper sleeper) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.baseDelay = Objects.requireNonNull(baseDelay, "baseDelay");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay must not be negative: " + baseDelay);
    }
    this.maxAttempts = maxAttempts;
  }

  /** A sender through {@code server} with junior's sender, 3 attempts, 1 s first backoff. */
  public static EmailSender over(Smtp server) {
    var junior = new org.interviewtasks.junior.apps.EmailSender(server);
    return new EmailSender(junior::send, 3, Duration.ofSeconds(1), Thread::sleep);
  }

  /** Sends the template to every recipient, one message each, and reports on each in order. */
  public List<Result> sendAll(Template template, List<Recipient> recipients) {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(recipients, "recipients");
    List<Result> results = new ArrayList<>(recipients.size());
    for (Recipient recipient : recipients) {
      results.add(send(template, Objects.requireNonNull(recipient, "recipient")));
    }
    return results;
  }

  private Result send(Template template, Recipient recipient) {
    Email email;
    try {
      email =
          new Email(
              template.from(),
              List.of(recipient.address()),
              render(template.subject(), recipient.values(), true),
              render(template.text(), recipient.values(), false),
              template.attachments());
    } catch (IllegalArgumentException e) {
      return new Result(recipient.address(), 0, e.getMessage());
    }
    for (int attempt = 1; ; attempt++) {
      try {
        transport.send(email);
        return new Result(recipient.address(), attempt, null);
      } catch (MessagingException e) {
        String error = describe(e);
        if (!temporary(e)) {
          return new Result(recipient.address(), attempt, error);
        }
        if (attempt == maxAttempts) {
          return new Result(
              recipient.address(), attempt, "gave up after " + attempt + " attempts: " + error);
        }
        try {
          sleeper.sleep(baseDelay.multipliedBy(1L << Math.min(attempt - 1, 30)));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return new Result(recipient.address(), attempt, "interrupted");
        }
      }
    }
  }

  /**
   * Fills the {@code {{name}}} placeholders of {@code template} from {@code values}.
   *
   * @param header whether the result is a mail header, where line breaks are refused
   * @throws IllegalArgumentException if a placeholder has no value, or a header value a line break
   */
  static String render(String template, Map<String, String> values, boolean header) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("no value for {{" + name + "}}");
      }
      if (header && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
        throw new IllegalArgumentException(
            "the value of {{" + name + "}} has a line break, which a header cannot hold");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Worth another attempt: an SMTP 4xx reply, a timeout, a refused connection. */
  static boolean temporary(MessagingException e) {
    int code =
        e instanceof SMTPSendFailedException failed
            ? failed.getReturnCode()
            : e instanceof SMTPAddressFailedException address ? address.getReturnCode() : -1;
    if (code >= 400 && code < 500) {
      return true;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException || cause instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(MessagingException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.strip().replaceAll("\\s+", " ");
  }

  @Command(
      name = "mid.apps.1",
      mixinStandardHelpOptions = true,
      description = {
        "Sends a personalised email to every row of a CSV file (a column 'email' and one column per"
            + " placeholder). SMTP_USER and SMTP_PASSWORD are read from the environment."
      },
      footer = "Exit codes: 0 all sent, 1 some failed, 2 usage error.")
  static final class Cli implements Callable<Integer> {
    @Option(names = "--host", required = true, description = "The SMTP server.")
    String host;

    @Option(names = "--port", description = "Its port (default: the security's usual one).")
    Integer port;

    @Option(
        names = "--security",
        defaultValue = "STARTTLS",
        description = "NONE, STARTTLS or TLS (default: ${DEFAULT-VALUE}).")
    Security security;

    @Option(names = "--from", required = true, description = "The sender's address.")
    String from;

    @Option(names = "--subject", required = true, description = "The subject template.")
    String subject;

    @Option(
        names = "--text-file",
        required = true,
        description = "A UTF-8 file: the body template.")
    Path textFile;

    @Parameters(index = "0", paramLabel = "RECIPIENTS.csv", description = "The recipients.")
    Path recipients;

    Map<String, String> environment;
    PrintWriter out;

    @Override
    public Integer call() throws IOException {
      Optional<Credentials> login =
          environment.containsKey("SMTP_USER")
              ? Optional.of(
                  new Credentials(
                      environment.get("SMTP_USER"), environment.getOrDefault("SMTP_PASSWORD", "")))
              : Optional.empty();
      Smtp server =
          new Smtp(
              host,
              port == null ? security.defaultPort() : port,
              security,
              login,
              Duration.ofSeconds(30));
      Template template =
          new Template(
              from, subject, Files.readString(textFile, StandardCharsets.UTF_8), List.of());
      List<Recipient> list;
      try (Stream<CsvToMaps.Row> rows = CsvToMaps.stream(recipients, "email")) {
        list = rows.map(row -> new Recipient(row.get("email"), row.values())).toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      List<Result> results = over(server).sendAll(template, list);
      for (Result result : results) {
        out.println(
            (result.sent() ? "SENT   " : "FAILED ")
                + result.address()
                + " ("
                + result.attempts()
                + (result.attempts() == 1 ? " attempt" : " attempts")
                + (result.sent() ? ")" : "): " + result.error()));
      }
      out.flush();
      return results.stream().allMatch(Result::sent) ? 0 : 1;
    }
  }

  /**
   * Runs the mail-merge command line with the given environment and writers; returns the exit code:
   * 0 all sent, 1 some failed, 2 usage error.
   */
  public static int run(
      Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
    Cli cli = new Cli();
    cli.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    cli.out = Objects.requireNonNull(out, "out");
    return Web.execute(cli, out, err, args);
  }

  /** See {@link #run}; exits with its code when it is not 0. */
  public static void main(String... args) {
    Console.runAndExit((out, err) -> run(System.getenv(), out, err, args));
  }
}
