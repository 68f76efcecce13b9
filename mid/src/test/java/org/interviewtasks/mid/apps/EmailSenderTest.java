package org.interviewtasks.mid.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.interviewtasks.junior.apps.EmailSender.Attachment;
import org.interviewtasks.junior.apps.EmailSender.Security;
import org.interviewtasks.junior.apps.EmailSender.Smtp;
import org.interviewtasks.mid.apps.EmailSender.Recipient;
import org.interviewtasks.mid.apps.EmailSender.Result;
import org.interviewtasks.mid.apps.EmailSender.Template;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EmailSenderTest {

  /** A real SMTP server in this JVM, on a free loopback port. */
  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
          new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  static Smtp server() {
    return new Smtp(
        "127.0.0.1",
        MAIL.getSmtp().getPort(),
        Security.NONE,
        Optional.empty(),
        Duration.ofSeconds(10));
  }

  static final Template WELCOME =
      new Template(
          "shop@example.com",
          "Welcome, {{name}}!",
          "Hello {{ name }}, your code is {{code}}. {{not a placeholder}}",
          List.of());

  final List<Duration> sleeps = new ArrayList<>();

  EmailSender withTransport(EmailSender.Transport transport) {
    return new EmailSender(transport, 3, Duration.ofMillis(100), sleeps::add);
  }

  @Nested
  class OverSmtp {

    @Test
    void sendsOnePersonalisedMessagePerRecipient() throws Exception {
      var sender =
          new EmailSender(
              new org.interviewtasks.junior.apps.EmailSender(server())::send,
              3,
              Duration.ZERO,
              sleeps::add);
      byte[] pdf = {'%', 'P', 'D', 'F'};
      Template template =
          new Template(
              WELCOME.from(),
              WELCOME.subject(),
              WELCOME.text(),
              List.of(new Attachment("terms.pdf", "application/pdf", pdf)));

      List<Result> results =
          sender.sendAll(
              template,
              List.of(
                  new Recipient("ann@example.com", Map.of("name", "Ann", "code", "A-1")),
                  new Recipient("zoë@example.com", Map.of("name", "Zoë", "code", "Z-9"))));

      assertThat(results)
          .containsExactly(
              new Result("ann@example.com", 1, null), new Result("zoë@example.com", 1, null));
      MimeMessage[] received = MAIL.getReceivedMessages();
      assertThat(received).hasSize(2);
      assertThat(received[0].getAllRecipients())
          .extracting(Object::toString)
          .containsExactly("ann@example.com");
      assertThat(received[0].getSubject()).isEqualTo("Welcome, Ann!");
      assertThat(GreenMailUtil.getBody(received[0])).contains("terms.pdf");
      assertThat(received[1].getSubject()).isEqualTo("Welcome, Zoë!");
    }

    @Test
    void retriesARefusedConnectionThenGivesUp() throws Exception {
      int closed;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closed = socket.getLocalPort();
      }
      Smtp nowhere =
          new Smtp("127.0.0.1", closed, Security.NONE, Optional.empty(), Duration.ofSeconds(5));
      var sender =
          new EmailSender(
              new org.interviewtasks.junior.apps.EmailSender(nowhere)::send,
              3,
              Duration.ofMillis(100),
              sleeps::add);

      Result result =
          sender
              .sendAll(
                  WELCOME,
                  List.of(new Recipient("ann@example.com", Map.of("name", "Ann", "code", "1"))))
              .get(0);

      assertThat(result.sent()).isFalse();
      assertThat(result.attempts()).isEqualTo(3);
      assertThat(result.error()).startsWith("gave up after 3 attempts: Couldn't connect to host");
      assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }
  }

  @Nested
  class Retrying {

    @Test
    void retriesTemporaryRepliesWithExponentialBackoff() {
      int[] calls = {0};
      var sender =
          withTransport(
              email -> {
                if (++calls[0] < 3) {
                  throw new SMTPSendFailedException(
                      "DATA", 451, "451 try again later", null, null, null, null);
                }
              });

      Result result =
          sender
              .sendAll(
                  WELCOME,
                  List.of(new Recipient("a@example.com", Map.of("name", "A", "code", "1"))))
              .get(0);

      assertThat(result).isEqualTo(new Result("a@example.com", 3, null));
      assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void reportsAPermanentFailureAtOnceAndGoesOnWithTheOthers() {
      List<String> sent = new ArrayList<>();
      var sender =
          withTransport(
              email -> {
                if (email.to().get(0).startsWith("gone")) {
                  throw new SMTPAddressFailedException(null, "RCPT TO", 550, "550  no such\n user");
                }
                sent.add(email.to().get(0));
              });

      List<Result> results =
          sender.sendAll(
              WELCOME,
              List.of(
                  new Recipient("gone@example.com", Map.of("name", "G", "code", "1")),
                  new Recipient("here@example.com", Map.of("name", "H", "code", "2"))));

      assertThat(results)
          .containsExactly(
              new Result("gone@example.com", 1, "550 no such user"),
              new Result("here@example.com", 1, null));
      assertThat(sent).containsExactly("here@example.com");
      assertThat(sleeps).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttempt() {
      var sender =
          withTransport(
              email -> {
                throw new MessagingException(
                    "timed out", new SocketTimeoutException("Read timed out"));
              });

      Result result =
          sender
              .sendAll(
                  WELCOME,
                  List.of(new Recipient("a@example.com", Map.of("name", "A", "code", "1"))))
              .get(0);

      assertThat(result)
          .isEqualTo(new Result("a@example.com", 3, "gave up after 3 attempts: timed out"));
    }

    @Test
    void stopsWhenInterrupted() {
      var sender =
          new EmailSender(
              email -> {
                throw new MessagingException("x", new ConnectException());
              },
              3,
              Duration.ofMillis(1),
              d -> {
                throw new InterruptedException();
              });

      Result result =
          sender
              .sendAll(
                  WELCOME,
                  List.of(new Recipient("a@example.com", Map.of("name", "A", "code", "1"))))
              .get(0);

      assertThat(result).isEqualTo(new Result("a@example.com", 1, "interrupted"));
      assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void classifiesFailures() {
      assertThat(
              EmailSender.temporary(
                  new SMTPSendFailedException("DATA", 421, "421", null, null, null, null)))
          .isTrue();
      assertThat(
              EmailSender.temporary(
                  new SMTPSendFailedException("DATA", 400, "400", null, null, null, null)))
          .isTrue();
      assertThat(
              EmailSender.temporary(
                  new SMTPSendFailedException("DATA", 499, "499", null, null, null, null)))
          .isTrue();
      assertThat(
              EmailSender.temporary(
                  new SMTPSendFailedException("DATA", 500, "500", null, null, null, null)))
          .isFalse();
      assertThat(
              EmailSender.temporary(
                  new SMTPSendFailedException("DATA", 399, "399", null, null, null, null)))
          .isFalse();
      assertThat(EmailSender.temporary(new SMTPAddressFailedException(null, "RCPT", 450, "450")))
          .isTrue();
      assertThat(
              EmailSender.temporary(
                  new MessagingException("x", new MessagingException("y", new ConnectException()))))
          .isTrue();
      assertThat(EmailSender.temporary(new MessagingException("auth failed"))).isFalse();
      assertThat(EmailSender.temporary(new MessagingException("io", new IOException("x"))))
          .isFalse();
    }
  }

  @Nested
  class Templates {

    @Test
    void fillsPlaceholdersAndKeepsOtherBraces() {
      assertThat(
              EmailSender.render(
                  "Hi {{name}}, {{ name }}! {{x y}} {{}} $1 {{price}}",
                  Map.of("name", "Ann", "price", "$5\\"),
                  false))
          .isEqualTo("Hi Ann, Ann! {{x y}} {{}} $1 $5\\");
    }

    @Test
    void refusesAMissingValueForThatRecipientOnly() {
      List<String> sent = new ArrayList<>();
      var sender = withTransport(email -> sent.add(email.to().get(0)));

      List<Result> results =
          sender.sendAll(
              WELCOME,
              List.of(
                  new Recipient("a@example.com", Map.of("name", "A")),
                  new Recipient("b@example.com", Map.of("name", "B", "code", "2"))));

      assertThat(results)
          .containsExactly(
              new Result("a@example.com", 0, "no value for {{code}}"),
              new Result("b@example.com", 1, null));
      assertThat(sent).containsExactly("b@example.com");
    }

    @Test
    void refusesLineBreaksInHeadersButNotInTheText() {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  EmailSender.render(
                      "Hi {{name}}", Map.of("name", "Ann\r\nBcc: x@example.com"), true))
          .withMessage("the value of {{name}} has a line break, which a header cannot hold");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> EmailSender.render("Hi {{name}}", Map.of("name", "Ann\nX"), true));
      assertThatIllegalArgumentException() // a break at the very start is still a break
          .isThrownBy(() -> EmailSender.render("{{name}}", Map.of("name", "\rX"), true));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> EmailSender.render("{{name}}", Map.of("name", "\nX"), true));
      assertThat(EmailSender.render("Hi {{name}}", Map.of("name", "Ann\nX"), false))
          .isEqualTo("Hi Ann\nX");
    }

    @Test
    void reportsAMalformedAddressWithoutSending() {
      var sender =
          withTransport(
              email -> {
                throw new AssertionError("must not send");
              });

      Result result =
          sender
              .sendAll(
                  WELCOME,
                  List.of(new Recipient("not an address", Map.of("name", "A", "code", "1"))))
              .get(0);

      assertThat(result)
          .isEqualTo(new Result("not an address", 0, "not an email address: 'not an address'"));
    }
  }

  @Nested
  class Validation {

    @Test
    void rejectsBadArguments() {
      EmailSender.Transport none = email -> {};
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new EmailSender(none, 0, Duration.ZERO, sleeps::add))
          .withMessage("maxAttempts must be at least 1: 0");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new EmailSender(none, 1, Duration.ofMillis(-1), sleeps::add))
          .withMessage("baseDelay must not be negative: PT-0.001S");
      assertThatNullPointerException()
          .isThrownBy(() -> new EmailSender(null, 1, Duration.ZERO, sleeps::add))
          .withMessage("transport");
      assertThatNullPointerException()
          .isThrownBy(() -> withTransport(none).sendAll(null, List.of()))
          .withMessage("template");
      assertThatNullPointerException()
          .isThrownBy(() -> withTransport(none).sendAll(WELCOME, null))
          .withMessage("recipients");
      assertThatNullPointerException()
          .isThrownBy(() -> new Recipient(null, Map.of()))
          .withMessage("address");
      assertThatNullPointerException()
          .isThrownBy(() -> new Template("a@b.c", "s", "t", null))
          .withMessage("attachments");
      assertThat(EmailSender.over(server())).isNotNull();
    }
  }

  @Nested
  class CommandLine {

    @TempDir Path dir;

    @Test
    void mailsEveryRowOfACsvFile() throws IOException {
      Path text =
          Files.writeString(
              dir.resolve("body.txt"), "Dear {{name}}, see you.", StandardCharsets.UTF_8);
      Path csv =
          Files.writeString(
              dir.resolve("to.csv"),
              "email,name\nann@example.com,Ann\nbad,Bob\n",
              StandardCharsets.UTF_8);
      var out = new StringWriter();
      var err = new StringWriter();

      int code =
          EmailSender.run(
              Map.of(),
              new PrintWriter(out),
              new PrintWriter(err),
              "--host",
              "127.0.0.1",
              "--port",
              String.valueOf(MAIL.getSmtp().getPort()),
              "--security",
              "NONE",
              "--from",
              "shop@example.com",
              "--subject",
              "Hi {{name}}",
              "--text-file",
              text.toString(),
              csv.toString());

      assertThat(code).isEqualTo(1);
      assertThat(out.toString().lines())
          .containsExactly(
              "SENT   ann@example.com (1 attempt)",
              "FAILED bad (0 attempts): not an email address: 'bad'");
      assertThat(MAIL.getReceivedMessages()).hasSize(1);
      assertThat(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]))
          .isEqualTo("Dear Ann, see you.");
    }

    @Test
    void reportsUsageErrors() throws IOException {
      var out = new StringWriter();
      var err = new StringWriter();
      Path text = Files.writeString(dir.resolve("body.txt"), "x");
      Path csv = Files.writeString(dir.resolve("to.csv"), "name\nAnn\n");

      assertThat(EmailSender.run(Map.of(), new PrintWriter(out), new PrintWriter(err)))
          .isEqualTo(2);
      int missingColumn =
          EmailSender.run(
              Map.of("SMTP_USER", "u"),
              new PrintWriter(out),
              new PrintWriter(err),
              "--host",
              "h",
              "--from",
              "a@b.c",
              "--subject",
              "s",
              "--text-file",
              text.toString(),
              csv.toString());
      assertThat(missingColumn).isEqualTo(1);
      assertThat(Arrays.asList(err.toString().split("\\R")))
          .anyMatch(line -> line.contains("missing required columns [email]"));
    }
  }
}
