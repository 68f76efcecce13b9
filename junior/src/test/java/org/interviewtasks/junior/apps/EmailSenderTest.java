package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.EmailSender.Attachment;
import org.interviewtasks.junior.apps.EmailSender.Credentials;
import org.interviewtasks.junior.apps.EmailSender.Email;
import org.interviewtasks.junior.apps.EmailSender.Security;
import org.interviewtasks.junior.apps.EmailSender.Smtp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailSenderTest {

  /** A real SMTP server in this JVM, on a free loopback port, with one login. */
  @RegisterExtension
  static final GreenMailExtension MAIL =
      new GreenMailExtension(
              new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("sender@example.com", "ann", "s3cret"));

  private static final Instant NOW = Instant.parse("2025-05-01T10:15:30Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  private static Smtp plain(Optional<Credentials> login) {
    return new Smtp(
        "127.0.0.1", MAIL.getSmtp().getPort(), Security.NONE, login, Duration.ofSeconds(10));
  }

  /** The one message received; the server keeps a copy per recipient. */
  private static MimeMessage onlyMessage() {
    return received(1);
  }

  private static MimeMessage received(int recipients) {
    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(recipients);
    return received[0];
  }

  private static byte[] randomBytes(long seed, int size) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  @Nested
  class Sending {

    @Test
    void deliversSubjectRecipientsTextAndABinaryAttachment() throws Exception {
      byte[] pdf = randomBytes(7, 50_000);
      var email =
          new Email(
              "sender@example.com",
              List.of("bob@example.org", "Carol <carol@example.net>"),
              "Отчёт за май 📎",
              "Привет!\nСм. вложение.",
              List.of(new Attachment("отчёт май.pdf", "application/pdf", pdf)));

      new EmailSender(plain(Optional.empty()), CLOCK).send(email);
      MimeMessage message = received(2);

      assertThat(message.getSubject()).isEqualTo("Отчёт за май 📎");
      assertThat(message.getFrom())
          .extracting(Address::toString)
          .containsExactly("sender@example.com");
      assertThat(message.getAllRecipients())
          .extracting(Address::toString)
          .containsExactly("bob@example.org", "Carol <carol@example.net>");
      assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(NOW));
      var parts = (MimeMultipart) message.getContent();
      assertThat(parts.getContentType()).startsWith("multipart/mixed");
      assertThat(parts.getCount()).isEqualTo(2);
      assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
          .isEqualTo("Привет!\nСм. вложение.");
      Part attached = parts.getBodyPart(1);
      assertThat(attached.getDisposition()).isEqualTo(Part.ATTACHMENT);
      assertThat(attached.getFileName()).isEqualTo("отчёт май.pdf");
      assertThat(attached.getContentType()).startsWith("application/pdf");
      assertThat(attached.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void withoutAttachmentsTheMessageIsPlainText() throws Exception {
      new EmailSender(plain(Optional.empty()), CLOCK)
          .send(
              new Email(
                  "sender@example.com", List.of("bob@example.org"), "Hi", "Just text", List.of()));
      MimeMessage message = onlyMessage();

      assertThat(message.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
      assertThat(message.getContent()).isEqualTo("Just text");
    }

    @Test
    void severalAttachmentsKeepTheirOrderAndBytes() throws Exception {
      var first = new Attachment("a.bin", "application/octet-stream", randomBytes(1, 1000));
      var second =
          new Attachment(
              "b.txt", "text/plain", "zwei\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      var empty = new Attachment("empty.dat", "application/octet-stream", new byte[0]);

      new EmailSender(plain(Optional.empty()))
          .send(
              new Email(
                  "sender@example.com",
                  List.of("x@example.org"),
                  "",
                  "",
                  List.of(first, second, empty)));
      var parts = (MimeMultipart) onlyMessage().getContent();

      assertThat(parts.getCount()).isEqualTo(4);
      assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(first.content());
      assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("b.txt");
      assertThat(parts.getBodyPart(3).getFileName()).isEqualTo("empty.dat");
      assertThat(parts.getBodyPart(3).getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void logsInWhenGivenCredentials() throws Exception {
      new EmailSender(plain(Optional.of(new Credentials("ann", "s3cret"))))
          .send(
              new Email("sender@example.com", List.of("bob@example.org"), "auth", "ok", List.of()));

      assertThat(onlyMessage().getSubject()).isEqualTo("auth");
    }

    @Test
    void aWrongPasswordIsRefused() {
      var sender = new EmailSender(plain(Optional.of(new Credentials("ann", "wrong"))));

      assertThatThrownBy(
              () ->
                  sender.send(
                      new Email(
                          "sender@example.com", List.of("b@example.org"), "s", "t", List.of())))
          .isInstanceOf(AuthenticationFailedException.class);
      assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsIsRequiredNotJustAttempted() {
      Smtp insistOnTls =
          new Smtp(
              "127.0.0.1",
              MAIL.getSmtp().getPort(),
              Security.STARTTLS,
              Optional.of(new Credentials("ann", "s3cret")),
              Duration.ofSeconds(10));

      assertThatThrownBy(
              () ->
                  new EmailSender(insistOnTls)
                      .send(
                          new Email(
                              "sender@example.com", List.of("b@example.org"), "s", "t", List.of())))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("STARTTLS");
      assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsNotThereFails() throws Exception {
      int port;
      try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      var nowhere =
          new Smtp("127.0.0.1", port, Security.NONE, Optional.empty(), Duration.ofSeconds(2));

      assertThatThrownBy(
              () ->
                  new EmailSender(nowhere)
                      .send(
                          new Email(
                              "a@example.com", List.of("b@example.org"), "s", "t", List.of())))
          .isInstanceOf(MessagingException.class)
          .hasMessageContaining("Couldn't connect to host");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.EmailSenderTest#fewerSeeds")
    void anyAttachmentComesBackByteForByte(long seed) throws Exception {
      var random = new SplittableRandom(seed);
      byte[] content = randomBytes(seed, random.nextInt(0, 5_000));
      var email =
          new Email(
              "sender@example.com",
              List.of("r@example.org"),
              "s" + seed,
              "t",
              List.of(new Attachment("f" + seed + ".bin", "application/octet-stream", content)));
      var session = Session.getInstance(new Properties());

      MimeMessage composed =
          new EmailSender(plain(Optional.empty()), CLOCK).compose(session, email);
      var copy = new java.io.ByteArrayOutputStream();
      composed.writeTo(copy);
      var parsed = new MimeMessage(session, new java.io.ByteArrayInputStream(copy.toByteArray()));

      var part = ((MimeMultipart) parsed.getContent()).getBodyPart(1);
      assertThat(part.getInputStream().readAllBytes()).isEqualTo(content);
      assertThat(part.getFileName()).isEqualTo("f" + seed + ".bin");
    }
  }

  @Nested
  class Settings {

    @Test
    void starttlsPropertiesRequireTheUpgradeAndCheckTheHost() {
      Properties properties =
          new EmailSender(
                  Smtp.of(
                      "smtp.example.com",
                      Security.STARTTLS,
                      Optional.of(new Credentials("u", "p"))))
              .properties();

      assertThat(properties)
          .containsEntry("mail.smtp.host", "smtp.example.com")
          .containsEntry("mail.smtp.port", "587")
          .containsEntry("mail.smtp.auth", "true")
          .containsEntry("mail.smtp.starttls.enable", "true")
          .containsEntry("mail.smtp.starttls.required", "true")
          .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
          .containsEntry("mail.smtp.connectiontimeout", "30000")
          .containsEntry("mail.smtp.timeout", "30000")
          .containsEntry("mail.smtp.writetimeout", "30000")
          .hasSize(9);
    }

    @Test
    void tlsUsesTheSmtpsProtocol() {
      Properties properties =
          new EmailSender(
                  new Smtp(
                      "smtp.example.com",
                      465,
                      Security.TLS,
                      Optional.empty(),
                      Duration.ofMillis(1500)))
              .properties();

      assertThat(properties)
          .containsEntry("mail.smtps.host", "smtp.example.com")
          .containsEntry("mail.smtps.port", "465")
          .containsEntry("mail.smtps.auth", "false")
          .containsEntry("mail.smtps.ssl.checkserveridentity", "true")
          .containsEntry("mail.smtps.timeout", "1500")
          .doesNotContainKey("mail.smtps.starttls.enable")
          .hasSize(7);
    }

    @Test
    void noSecurityAddsNoTlsProperty() {
      Properties properties =
          new EmailSender(Smtp.of("localhost", Security.NONE, Optional.empty())).properties();

      assertThat(properties).containsEntry("mail.smtp.port", "25").hasSize(6);
    }

    @ParameterizedTest
    @CsvSource({"NONE, 25", "STARTTLS, 587", "TLS, 465"})
    void defaultPorts(Security security, int port) {
      assertThat(security.defaultPort()).isEqualTo(port);
      assertThat(Smtp.of("h", security, Optional.empty()).port()).isEqualTo(port);
      assertThat(Smtp.of("h", security, Optional.empty()).timeout())
          .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void credentialsDoNotShowThePassword() {
      assertThat(new Credentials("ann", "s3cret"))
          .hasToString("Credentials[user=ann, password=***]");
      assertThatNullPointerException()
          .isThrownBy(() -> new Credentials(null, "p"))
          .withMessage("user");
      assertThatNullPointerException()
          .isThrownBy(() -> new Credentials("u", null))
          .withMessage("password");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "' '|25|10|the SMTP host is blank",
          "h|0|10|port must be between 1 and 65535, was 0",
          "h|65536|10|port must be between 1 and 65535, was 65536",
          "h|25|0|timeout must be positive, was PT0S",
          "h|25|-1|timeout must be positive, was PT-1S"
        })
    void badServersAreRejected(String host, int port, long seconds, String message) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  new Smtp(
                      host, port, Security.NONE, Optional.empty(), Duration.ofSeconds(seconds)))
          .withMessage(message);
    }

    @Test
    void serverLimitsAreInclusive() {
      assertThat(new Smtp("h", 1, Security.NONE, Optional.empty(), Duration.ofMillis(1)).port())
          .isEqualTo(1);
      assertThat(
              new Smtp("h", 65_535, Security.NONE, Optional.empty(), Duration.ofMillis(1)).port())
          .isEqualTo(65_535);
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"not an address", "a@", "@b.com", "a b@c.com", "a@b@c.com", ""})
    void badAddressesAreRejectedBeforeSending(String bad) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Email(bad, List.of("b@example.org"), "s", "t", List.of()))
          .withMessage("not an email address: '" + bad + "'");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> new Email("a@example.com", List.of("b@example.org", bad), "s", "t", List.of()))
          .withMessage("not an email address: '" + bad + "'");
    }

    @Test
    void anEmailNeedsARecipient() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Email("a@example.com", List.of(), "s", "t", List.of()))
          .withMessage("an email needs at least one recipient");
    }

    @Test
    void nullsAreNamed() {
      assertThatNullPointerException()
          .isThrownBy(() -> new Email(null, List.of("b@x.org"), "s", "t", List.of()))
          .withMessage("from");
      assertThatNullPointerException()
          .isThrownBy(() -> new Email("a@x.org", null, "s", "t", List.of()))
          .withMessage("to");
      assertThatNullPointerException()
          .isThrownBy(() -> new Email("a@x.org", List.of("b@x.org"), null, "t", List.of()))
          .withMessage("subject");
      assertThatNullPointerException()
          .isThrownBy(() -> new Email("a@x.org", List.of("b@x.org"), "s", null, List.of()))
          .withMessage("text");
      assertThatNullPointerException()
          .isThrownBy(() -> new Email("a@x.org", List.of("b@x.org"), "s", "t", null))
          .withMessage("attachments");
      assertThatNullPointerException()
          .isThrownBy(
              () -> new Email("a@x.org", Arrays.asList("b@x.org", null), "s", "t", List.of()));
      assertThatNullPointerException()
          .isThrownBy(() -> new EmailSender(null))
          .withMessage("server");
      assertThatNullPointerException()
          .isThrownBy(() -> new EmailSender(plain(Optional.empty()), null))
          .withMessage("clock");
      assertThatNullPointerException()
          .isThrownBy(() -> new EmailSender(plain(Optional.empty())).send(null))
          .withMessage("email");
    }

    @Test
    void theListsAreCopied() {
      var to = new java.util.ArrayList<>(List.of("b@example.org"));
      var email = new Email("a@example.com", to, "s", "t", List.of());
      to.add("c@example.org");

      assertThat(email.to()).containsExactly("b@example.org");
    }
  }

  @Nested
  class Attachments {

    @Test
    void fromAFileWithTheTypeItsNameSuggests() throws IOException {
      byte[] png = randomBytes(3, 2048);
      Path file = Files.write(dir.resolve("фото.png"), png);

      Attachment attachment = Attachment.of(file);

      assertThat(attachment).isEqualTo(new Attachment("фото.png", "image/png", png));
      assertThat(attachment.content()).isEqualTo(png);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
      "report.pdf, application/pdf",
      "notes.txt, text/plain",
      "page.html, text/html",
      "data.unknownext, application/octet-stream",
      "no-extension, application/octet-stream"
    })
    void contentTypeByExtension(String name, String type) {
      assertThat(Attachment.contentTypeOf(name)).isEqualTo(type);
    }

    @Test
    void theBytesAreCopiedInAndOut() {
      byte[] bytes = {1, 2, 3};
      var attachment = new Attachment("a", "x/y", bytes);
      bytes[0] = 9;
      attachment.content()[1] = 9;

      assertThat(attachment.content()).containsExactly(1, 2, 3);
    }

    @Test
    void equalityIsByContent() {
      var a = new Attachment("a", "x/y", new byte[] {1, 2});

      assertThat(a).isEqualTo(new Attachment("a", "x/y", new byte[] {1, 2}));
      assertThat(a).hasSameHashCodeAs(new Attachment("a", "x/y", new byte[] {1, 2}));
      assertThat(a).isNotEqualTo(new Attachment("a", "x/y", new byte[] {1, 3}));
      assertThat(a.hashCode())
          .isNotEqualTo(new Attachment("a", "x/y", new byte[] {1, 3}).hashCode())
          .isNotZero();
      assertThat(a).isNotEqualTo(new Attachment("b", "x/y", new byte[] {1, 2}));
      assertThat(a).isNotEqualTo(new Attachment("a", "x/z", new byte[] {1, 2}));
      assertThat(a).isNotEqualTo("a");
      assertThat(a).hasToString("Attachment[a, x/y, 2 bytes]");
    }

    @Test
    void sizeIsLimited() throws IOException {
      Path big = dir.resolve("big.bin");
      try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
        file.setLength(EmailSender.MAX_ATTACHMENT_BYTES + 1L);
      }

      assertThatIllegalArgumentException()
          .isThrownBy(() -> Attachment.of(big))
          .withMessage("attachment big.bin is larger than 26214400 bytes");
      assertThatIllegalArgumentException()
          .isThrownBy(
              () -> new Attachment("b", "x/y", new byte[EmailSender.MAX_ATTACHMENT_BYTES + 1]))
          .withMessage("attachment b is larger than 26214400 bytes");
      assertThat(new Attachment("b", "x/y", new byte[EmailSender.MAX_ATTACHMENT_BYTES]).fileName())
          .isEqualTo("b");
      try (var file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
        file.setLength(EmailSender.MAX_ATTACHMENT_BYTES);
      }
      assertThat(Attachment.of(big).content()).hasSize(EmailSender.MAX_ATTACHMENT_BYTES);
    }

    @Test
    void badAttachmentsAreRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Attachment(" ", "x/y", new byte[0]))
          .withMessage("an attachment needs a file name");
      assertThatNullPointerException()
          .isThrownBy(() -> new Attachment(null, "x/y", new byte[0]))
          .withMessage("fileName");
      assertThatNullPointerException()
          .isThrownBy(() -> new Attachment("a", null, new byte[0]))
          .withMessage("contentType");
      assertThatNullPointerException()
          .isThrownBy(() -> new Attachment("a", "x/y", null))
          .withMessage("content");
      assertThatNullPointerException().isThrownBy(() -> Attachment.of(null)).withMessage("path");
    }
  }

  @Nested
  class CommandLine {

    private CommandRun mail(Map<String, String> env, String... args) throws Exception {
      return CommandRun.of((out, err) -> EmailSender.run(env, out, err, args));
    }

    private String port() {
      return String.valueOf(MAIL.getSmtp().getPort());
    }

    @Test
    void sendsWithAnAttachmentAndTheLoginFromTheEnvironment() throws Exception {
      Path file = Files.write(dir.resolve("данные.bin"), randomBytes(5, 777));

      CommandRun run =
          mail(
              Map.of("SMTP_USER", "ann", "SMTP_PASSWORD", "s3cret"),
              "--host=127.0.0.1",
              "--port=" + port(),
              "--security=NONE",
              "--from=sender@example.com",
              "--to=bob@example.org,carol@example.net",
              "--subject=Data",
              "--text=Attached.",
              "--attach",
              file.toString());

      assertThat(run.code()).isZero();
      assertThat(run.out())
          .isEqualTo(
              "Sent to bob@example.org, carol@example.net with 1 attachment(s)"
                  + System.lineSeparator());
      MimeMessage message = received(2);
      assertThat(message.getSubject()).isEqualTo("Data");
      Part part = ((MimeMultipart) message.getContent()).getBodyPart(1);
      assertThat(part.getFileName()).isEqualTo("данные.bin");
      assertThat(part.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void theUserOptionOverridesTheEnvironmentAndNoLoginIsFine() throws Exception {
      CommandRun withUser =
          mail(
              Map.of("SMTP_USER", "nobody", "SMTP_PASSWORD", "s3cret"),
              "--host=127.0.0.1",
              "--port=" + port(),
              "--security=NONE",
              "--user=ann",
              "--from=sender@example.com",
              "--to=b@example.org");
      CommandRun anonymous =
          mail(
              Map.of(),
              "--host=127.0.0.1",
              "--port=" + port(),
              "--security=NONE",
              "--from=sender@example.com",
              "--to=b@example.org",
              "--to=c@example.org");

      assertThat(withUser.code()).isZero();
      assertThat(withUser.out()).isEqualTo("Sent to b@example.org" + System.lineSeparator());
      assertThat(anonymous.code()).isZero();
      assertThat(MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aRefusedLoginIsExitCode1() throws Exception {
      CommandRun run =
          mail(
              Map.of("SMTP_USER", "ann", "SMTP_PASSWORD", "nope"),
              "--host=127.0.0.1",
              "--port=" + port(),
              "--security=NONE",
              "--from=sender@example.com",
              "--to=b@example.org");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).startsWith("error: ");
    }

    @Test
    void starttlsIsTheDefault() throws Exception {
      CommandRun run =
          mail(
              Map.of(),
              "--host=127.0.0.1",
              "--port=" + port(),
              "--from=sender@example.com",
              "--to=b@example.org");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).startsWith("error: ").contains("STARTTLS");
      assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "--host=h --from=a@example.com|Missing required option: '--to=<to>'",
          "--host=h --from=bad --to=b@example.org|not an email address: 'bad'",
          "--host=h --from=a@example.com --to=b@example.org --port=0|port must be between 1 and 65535, was 0",
          "--host=h --from=a@example.com --to=b@example.org --timeout=0|timeout must be positive, was PT0S",
          "--host=h --from=a@example.com --to=b@example.org --security=SSL|Invalid value for option '--security'",
          "--host=h --from=a@example.com --to=b@example.org --user=ann|a login (ann) needs its password in the SMTP_PASSWORD variable"
        })
    void badOptionsAreUsageErrors(String args, String message) throws Exception {
      CommandRun run = mail(Map.of(), args.split(" "));

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith(message);
    }

    @Test
    void aMissingAttachmentIsAFailure() throws Exception {
      Path missing = dir.resolve("missing.pdf");

      CommandRun run =
          mail(
              Map.of(),
              "--host=127.0.0.1",
              "--port=" + port(),
              "--security=NONE",
              "--from=a@example.com",
              "--to=b@example.org",
              "--attach=" + missing);

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err()).isEqualTo("error: " + missing + System.lineSeparator());
    }

    @Test
    void mainSendsWithoutALogin() throws Exception {
      var printed =
          StdStreams.capture(
              () ->
                  EmailSender.main(
                      "--host=127.0.0.1",
                      "--port=" + port(),
                      "--security=NONE",
                      "--from=a@example.com",
                      "--to=b@example.org",
                      "--subject=main"));

      assertThat(printed.out()).isEqualTo("Sent to b@example.org" + System.lineSeparator());
      assertThat(onlyMessage().getSubject()).isEqualTo("main");
    }
  }

  /** Fewer seeds than usual: the server restarts for every test case. */
  static LongStream fewerSeeds() {
    return Seeds.derive(30);
  }
}
