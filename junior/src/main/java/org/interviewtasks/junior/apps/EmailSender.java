package org.interviewtasks.junior.apps;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Sends an email with attachments over SMTP, with Jakarta Mail (the Eclipse Angus implementation).
 *
 * <p><b>Approach.</b> An {@link Email} (sender, recipients, subject, text, attachments) becomes a
 * MIME message: plain text alone, or a {@code multipart/mixed} of the text and one part per
 * attachment, its bytes base64-encoded and its file name encoded per RFC 2231 so that {@code
 * отчёт.pdf} survives. Subject and text are UTF-8. The server is an {@link Smtp} value: host, port,
 * {@link Security} and optional {@link Credentials}, with connect, read and write timeouts (Jakarta
 * Mail's default is to wait forever). The session is built from those properties alone, never from
 * {@code Session.getDefaultInstance}, whose first caller fixes the settings for the whole JVM.
 * Credentials come from the caller; the command line reads them from {@code SMTP_USER} and {@code
 * SMTP_PASSWORD}, never from code or from an argument other users could read in the process list.
 *
 * <p><b>Security.</b> {@link Security#STARTTLS} (port 587, the default) upgrades the connection
 * before anything else is sent, and refuses to go on if the server does not offer it, so a password
 * never crosses in clear; {@link Security#TLS} (port 465) is TLS from the first byte; both check
 * the server's certificate and host name. {@link Security#NONE} (port 25) is for a local relay or a
 * test server only.
 *
 * <p><b>Edge cases.</b> Addresses are parsed strictly ({@link InternetAddress}); a bad one is an
 * {@link IllegalArgumentException} naming it, before any connection. At least one recipient is
 * required. An attachment is read whole and limited to {@value #MAX_ATTACHMENT_BYTES} bytes, the
 * common limit of mail servers; its content type is guessed from its name, else {@code
 * application/octet-stream}. Failures of the server (refused login, refused recipient, timeout) are
 * a {@link MessagingException}.
 *
 * <p><b>Follow-up.</b> <i>"Thousands of emails?"</i> Keep one connection open for many messages
 * (one {@link Transport}, many {@code sendMessage}), or hand them to a mail service's API, and
 * retry on temporary (4xx) replies. <i>"HTML mail?"</i> A {@code multipart/alternative} of text and
 * HTML inside the mixed part.
 */
@Task(id = "junior.apps.6", title = "Send an email with an attachment")
public final class EmailSender {

  /** The largest attachment accepted: 25 MB. */
  public static final int MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

  /** How the connection to the server is protected. */
  public enum Security {
    /** No encryption: only for a local relay or a test server. */
    NONE(25),
    /** Plain connection upgraded with STARTTLS before anything is sent; required. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS). */
    TLS(465);

    private final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    /** The usual port for this kind of connection. */
    public int defaultPort() {
      return defaultPort;
    }
  }

  /**
   * A login.
   *
   * @param user the user name
   * @param password the password; {@link #toString()} does not show it
   */
  public record Credentials(String user, String password) {
    /** Checks that both parts are present. */
    public Credentials {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    /** The user name, with the password masked. */
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  /**
   * An SMTP server to send through.
   *
   * @param host its host name
   * @param port its port, 1 to 65535
   * @param security how the connection is protected
   * @param credentials the login, if the server needs one
   * @param timeout the connect, read and write timeout
   */
  public record Smtp(
      String host,
      int port,
      Security security,
      Optional<Credentials> credentials,
      Duration timeout) {
    /** Checks every field. */
    public Smtp {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(security, "security");
      Objects.requireNonNull(credentials, "credentials");
      Objects.requireNonNull(timeout, "timeout");
      if (host.isBlank()) {
        throw new IllegalArgumentException("the SMTP host is blank");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
    }

    /** A server on the usual port for {@code security}, with a 30-second timeout. */
    public static Smtp of(String host, Security security, Optional<Credentials> credentials) {
      return new Smtp(host, security.defaultPort(), security, credentials, Duration.ofSeconds(30));
    }
  }

  /**
   * A file attached to an email.
   *
   * @param fileName the name the recipient sees
   * @param contentType its MIME type, e.g. {@code application/pdf}
   * @param content its bytes
   */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals compares contents
  public record Attachment(String fileName, String contentType, byte[] content) {
    /** Checks and copies the fields. */
    public Attachment {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
      if (fileName.isBlank()) {
        throw new IllegalArgumentException("an attachment needs a file name");
      }
      if (content.length > MAX_ATTACHMENT_BYTES) {
        throw new IllegalArgumentException(
            "attachment " + fileName + " is larger than " + MAX_ATTACHMENT_BYTES + " bytes");
      }
      content = content.clone();
    }

    /**
     * The file at {@code path}, with the type its name suggests.
     *
     * @throws IllegalArgumentException if the file is larger than {@value #MAX_ATTACHMENT_BYTES}
     */
    public static Attachment of(Path path) throws IOException {
      Objects.requireNonNull(path, "path");
      String name = String.valueOf(path.getFileName());
      long size = Files.size(path);
      if (size > MAX_ATTACHMENT_BYTES) {
        throw new IllegalArgumentException(
            "attachment " + name + " is larger than " + MAX_ATTACHMENT_BYTES + " bytes");
      }
      return new Attachment(name, contentTypeOf(name), Files.readAllBytes(path));
    }

    /** The MIME type the JDK associates with the name's extension, else a generic binary type. */
    public static String contentTypeOf(String fileName) {
      String guessed = URLConnection.guessContentTypeFromName(fileName);
      return guessed == null ? "application/octet-stream" : guessed;
    }

    /** A copy of the bytes. */
    @Override
    public byte[] content() {
      return content.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Attachment that
          && fileName.equals(that.fileName)
          && contentType.equals(that.contentType)
          && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
      return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
      return "Attachment[" + fileName + ", " + contentType + ", " + content.length + " bytes]";
    }
  }

  /**
   * An email.
   *
   * @param from the sender's address
   * @param to the recipients' addresses, at least one
   * @param subject the subject line
   * @param text the plain-text body
   * @param attachments the attached files, maybe none
   */
  public record Email(
      String from, List<String> to, String subject, String text, List<Attachment> attachments) {
    /** Checks the addresses and copies the lists. */
    public Email {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(attachments, "attachments");
      address(from);
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("an email needs at least one recipient");
      }
      to.forEach(EmailSender::address);
      attachments = List.copyOf(attachments);
    }
  }

  private final Smtp server;
  private final Clock clock;

  /** A sender through {@code server}, dating messages by the system clock. */
  public EmailSender(Smtp server) {
    this(server, Clock.systemUTC());
  }

  /** A sender through {@code server}, dating messages by {@code clock}. */
  public EmailSender(Smtp server, Clock clock) {
    this.server = Objects.requireNonNull(server, "server");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Sends {@code email}.
   *
   * @throws MessagingException if the server cannot be reached, refuses the login or a recipient,
   *     does not offer STARTTLS when it is required, or times out
   */
  public void send(Email email) throws MessagingException {
    Objects.requireNonNull(email, "email");
    Session session = Session.getInstance(properties());
    MimeMessage message = compose(session, email);
    try (Transport transport = session.getTransport(protocol())) {
      Credentials login = server.credentials().orElse(null);
      transport.connect(
          server.host(),
          server.port(),
          login == null ? null : login.user(),
          login == null ? null : login.password());
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  /** The MIME message {@link #send} sends, for a session of this sender's settings. */
  MimeMessage compose(Session session, Email email) throws MessagingException {
    var message = new MimeMessage(session);
    message.setFrom(address(email.from()));
    for (String to : email.to()) {
      message.addRecipient(Message.RecipientType.TO, address(to));
    }
    message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    if (email.attachments().isEmpty()) {
      message.setText(email.text(), StandardCharsets.UTF_8.name());
    } else {
      var parts = new MimeMultipart("mixed");
      var text = new MimeBodyPart();
      text.setText(email.text(), StandardCharsets.UTF_8.name());
      parts.addBodyPart(text);
      for (Attachment attachment : email.attachments()) {
        var part = new MimeBodyPart();
        part.setDataHandler(
            new DataHandler(
                new ByteArrayDataSource(attachment.content(), attachment.contentType())));
        part.setFileName(attachment.fileName()); // also makes it Content-Disposition: attachment
        parts.addBodyPart(part);
      }
      message.setContent(parts);
    }
    return message; // writing it out (sending) sets the Message-ID and the MIME headers
  }

  /** The Jakarta Mail session properties for this sender's server. */
  Properties properties() {
    String prefix = "mail." + protocol() + ".";
    String millis = String.valueOf(server.timeout().toMillis());
    var properties = new Properties();
    properties.setProperty(prefix + "host", server.host());
    properties.setProperty(prefix + "port", String.valueOf(server.port()));
    properties.setProperty(prefix + "auth", String.valueOf(server.credentials().isPresent()));
    properties.setProperty(prefix + "connectiontimeout", millis);
    properties.setProperty(prefix + "timeout", millis);
    properties.setProperty(prefix + "writetimeout", millis);
    if (server.security() == Security.STARTTLS) {
      properties.setProperty(prefix + "starttls.enable", "true");
      properties.setProperty(prefix + "starttls.required", "true");
    }
    if (server.security() != Security.NONE) {
      properties.setProperty(prefix + "ssl.checkserveridentity", "true");
    }
    return properties;
  }

  private String protocol() {
    return server.security() == Security.TLS ? "smtps" : "smtp";
  }

  private static InternetAddress address(String text) {
    Objects.requireNonNull(text, "address");
    try {
      return new InternetAddress(text, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("not an email address: '" + text + "'", e);
    }
  }

  /**
   * Runs the mail command line with the given environment (for {@code SMTP_USER} and {@code
   * SMTP_PASSWORD}) and writers, and returns its exit code: 0 sent, 1 failed, 2 usage error.
   */
  public static int run(
      Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new SendCommand(environment), out, err, args);
  }

  /**
   * Sends an email described by options, e.g. {@code --host smtp.example.com --from a@example.com
   * --to b@example.com --subject Report --text "See attached." --attach report.pdf}.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.6", new SendCommand(System.getenv()), args);
  }

  @Command(
      name = "junior.apps.6",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = {
        "Sends an email with attachments over SMTP.",
        "The login comes from the environment: SMTP_USER (or --user) and SMTP_PASSWORD."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:sent", "1:the server failed or refused", "2:usage error"})
  private static final class SendCommand implements Callable<Integer> {

    private final Map<String, String> environment;

    @Spec private CommandSpec spec;

    @Option(names = "--host", required = true, description = "The SMTP server.")
    private String host;

    @Option(
        names = "--port",
        description = "Its port (default: 587 for STARTTLS, 465 for TLS, 25 for NONE).")
    private Integer port;

    @Option(
        names = "--security",
        defaultValue = "STARTTLS",
        description = "STARTTLS, TLS or NONE (default: ${DEFAULT-VALUE}).")
    private Security security;

    @Option(names = "--user", description = "The login name (default: $SMTP_USER).")
    private String user;

    @Option(names = "--from", required = true, description = "The sender's address.")
    private String from;

    @Option(
        names = "--to",
        required = true,
        split = ",",
        description = "Recipients, repeated or comma-separated.")
    private List<String> to;

    @Option(names = "--subject", defaultValue = "", description = "The subject line.")
    private String subject;

    @Option(names = "--text", defaultValue = "", description = "The message text.")
    private String text;

    @Option(names = "--attach", paramLabel = "FILE", description = "A file to attach; repeatable.")
    private List<Path> attachments = new ArrayList<>();

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "30",
        description = "Connect, read and write timeout (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    SendCommand(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws IOException, MessagingException {
      Email email;
      Smtp smtp;
      try {
        List<Attachment> files = new ArrayList<>();
        for (Path path : attachments) {
          files.add(Attachment.of(path));
        }
        email = new Email(from, to, subject, text, files);
        smtp =
            new Smtp(
                host,
                port == null ? security.defaultPort() : port,
                security,
                credentials(),
                Duration.ofSeconds(timeoutSeconds));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      new EmailSender(smtp).send(email);
      spec.commandLine()
          .getOut()
          .println(
              "Sent to "
                  + String.join(", ", email.to())
                  + (attachments.isEmpty()
                      ? ""
                      : " with " + attachments.size() + " attachment(s)"));
      return Cli.OK;
    }

    private Optional<Credentials> credentials() {
      String login = user != null ? user : environment.get("SMTP_USER");
      if (login == null || login.isBlank()) {
        return Optional.empty();
      }
      String password = environment.get("SMTP_PASSWORD");
      if (password == null) {
        throw new IllegalArgumentException(
            "a login (" + login + ") needs its password in the SMTP_PASSWORD variable");
      }
      return Optional.of(new Credentials(login, password));
    }
  }
}
