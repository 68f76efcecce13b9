package org.interviewtasks.mid.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * A small real REST service for notes, and (in {@code NotesApiTest}) the test suite that drives it
 * over real HTTP: the task is the suite.
 *
 * <p><b>API.</b> {@code POST /notes} with {@code {"title": ..., "body": ...}} creates a note: 201,
 * a {@code Location} header and the note with its id. {@code GET /notes} lists them by id, {@code
 * GET /notes/{id}} returns one, {@code PUT /notes/{id}} replaces title and body, {@code DELETE
 * /notes/{id}} removes it (204). Errors are RFC 9457 problem documents ({@code
 * application/problem+json} with {@code status}, {@code title}, {@code detail}): 400 for malformed
 * JSON, unknown fields or invalid values, 404 for an unknown path or note, 405 with an {@code
 * Allow} header for a method the path does not support, 415 when a body is not {@code
 * application/json}.
 *
 * <p><b>Approach.</b> The JDK's own {@link HttpServer} (no framework, no dependency) on a loopback
 * port, a virtual thread per request, Jackson for JSON. The store is a {@link ConcurrentHashMap}
 * and ids come from an {@link AtomicLong}, so concurrent creates get distinct ids without a lock;
 * an update is one atomic {@code computeIfPresent}. Validation happens before anything is stored:
 * the title is required, not blank, at most 200 characters; the body at most 10,000; both are
 * strings (Jackson would otherwise coerce {@code 42} into {@code "42"}), and nothing may follow the
 * JSON object.
 *
 * <p><b>Edge cases.</b> A trailing slash is the same path; a non-numeric or overflowing id is 404
 * (no such resource), not 400. A charset parameter on the content type is accepted. Request bodies
 * above 64 KiB are refused with 413 before they are parsed.
 *
 * <p><b>Follow-up.</b> <i>"How do you test this against a real deployment?"</i> The suite takes the
 * base URI, so the same tests run against a staging server. <i>"Idempotent creates?"</i> An {@code
 * Idempotency-Key} header mapped to the note it created makes a retried POST return the first
 * result instead of a duplicate.
 */
@Task(
    id = "mid.testing.2",
    title = "A REST API and its test suite over real HTTP",
    usage = "[port]")
public final class NotesApi implements AutoCloseable {

  /** The longest title accepted, in chars. */
  public static final int MAX_TITLE = 200;

  /** The longest body accepted, in chars. */
  public static final int MAX_BODY = 10_000;

  /** The largest request body read, in bytes. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  /**
   * A stored note.
   *
   * @param id its id, assigned by the server
   * @param title its title
   * @param body its text, possibly empty
   */
  public record Note(long id, String title, String body) {}

  /** What a client sends to create or replace a note. */
  record NoteInput(String title, String body) {}

  /** An error reply, thrown inside a handler and turned into a problem document. */
  private static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, String> headers;

    Problem(int status, String title, String detail) {
      this(status, title, detail, Map.of());
    }

    Problem(int status, String title, String detail, Map<String, String> headers) {
      super(detail);
      this.status = status;
      this.title = title;
      this.headers = headers;
    }
  }

  private final ObjectMapper json =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // A title of 42 or true is a client bug: do not quietly turn it into "42".
          .withCoercionConfig(
              LogicalType.Textual,
              config -> {
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
              })
          .build();
  private final Map<Long, Note> notes = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private NotesApi(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts the service on {@code 127.0.0.1:port}; port 0 picks a free one.
   *
   * @throws IOException if the port cannot be bound
   */
  public static NotesApi start(int port) throws IOException {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535: " + port);
    }
    return new NotesApi(port);
  }

  /** The base URI, e.g. {@code http://127.0.0.1:54321/}. */
  public URI uri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://127.0.0.1:" + address.getPort() + "/");
  }

  /** Stops accepting requests and waits for none; idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (Problem problem) {
        problem.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", problem.getMessage());
        send(exchange, problem.status, "application/problem+json", body);
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException, Problem {
    String path = exchange.getRequestURI().getPath();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String method = exchange.getRequestMethod();
    if (path.equals("/notes")) {
      switch (method) {
        case "GET" -> send(exchange, 200, list());
        case "POST" -> create(exchange);
        default -> throw notAllowed(method, "GET, POST");
      }
    } else if (path.startsWith("/notes/") && path.indexOf('/', "/notes/".length()) < 0) {
      String idText = path.substring("/notes/".length());
      switch (method) {
        case "GET" -> send(exchange, 200, find(idText));
        case "PUT" -> {
          long id = find(idText).id();
          NoteInput input = read(exchange);
          Note updated =
              notes.computeIfPresent(id, (key, old) -> new Note(key, input.title(), body(input)));
          if (updated == null) {
            throw notFound(idText); // deleted meanwhile
          }
          send(exchange, 200, updated);
        }
        case "DELETE" -> {
          if (notes.remove(find(idText).id()) == null) {
            throw notFound(idText);
          }
          exchange.sendResponseHeaders(204, -1);
        }
        default -> throw notAllowed(method, "GET, PUT, DELETE");
      }
    } else {
      throw new Problem(404, "Not Found", "no resource at " + path);
    }
  }

  private List<Note> list() {
    List<Note> all = new ArrayList<>(notes.values());
    all.sort(Comparator.comparingLong(Note::id));
    return all;
  }

  private void create(HttpExchange exchange) throws IOException, Problem {
    NoteInput input = read(exchange);
    long id = ids.incrementAndGet();
    Note note = new Note(id, input.title(), body(input));
    notes.put(id, note);
    exchange.getResponseHeaders().set("Location", "/notes/" + id);
    send(exchange, 201, note);
  }

  private Note find(String idText) throws Problem {
    Optional<Long> id = parseId(idText);
    Note note = id.map(notes::get).orElse(null);
    if (note == null) {
      throw notFound(idText);
    }
    return note;
  }

  private static Optional<Long> parseId(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }

  private NoteInput read(HttpExchange exchange) throws IOException, Problem {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new Problem(
          415,
          "Unsupported Media Type",
          "expected Content-Type application/json, got " + (type == null ? "none" : type));
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
    }
    if (bytes.length > MAX_REQUEST_BYTES) {
      throw new Problem(
          413, "Content Too Large", "request body exceeds " + MAX_REQUEST_BYTES + " bytes");
    }
    NoteInput input;
    try {
      input = json.readValue(bytes, NoteInput.class);
    } catch (JsonProcessingException e) {
      throw new Problem(400, "Bad Request", "malformed JSON: " + e.getOriginalMessage());
    }
    if (input == null) {
      throw new Problem(400, "Bad Request", "expected a JSON object, got null");
    }
    validate(input);
    return input;
  }

  private static void validate(NoteInput input) throws Problem {
    if (input.title() == null || input.title().isBlank()) {
      throw invalid("title is required and must not be blank");
    }
    if (input.title().length() > MAX_TITLE) {
      throw invalid("title must be at most " + MAX_TITLE + " characters");
    }
    if (input.body() != null && input.body().length() > MAX_BODY) {
      throw invalid("body must be at most " + MAX_BODY + " characters");
    }
  }

  private static String body(NoteInput input) {
    return input.body() == null ? "" : input.body();
  }

  private static Problem invalid(String detail) {
    return new Problem(400, "Bad Request", detail);
  }

  private static Problem notFound(String idText) {
    return new Problem(404, "Not Found", "no note with id " + idText);
  }

  private static Problem notAllowed(String method, String allowed) {
    return new Problem(
        405,
        "Method Not Allowed",
        method + " is not allowed here; allowed: " + allowed,
        Map.of("Allow", allowed));
  }

  private void send(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, "application/json", body);
  }

  private void send(HttpExchange exchange, int status, String type, Object body)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Starts the service and prints where it listens; used by {@link #main}. */
  static NotesApi serve(int port, PrintStream out) throws IOException {
    NotesApi api = start(port);
    out.println("Notes API listening on " + api.uri().resolve("notes") + " (Ctrl-C stops it)");
    return api;
  }

  /**
   * Runs the service on {@code [port]} (default 8080) until the process is stopped.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws IOException if the port cannot be bound
   */
  public static void main(String... args) throws IOException {
    if (args.length > 1) {
      throw new IllegalArgumentException("usage: mid.testing.2 [port]");
    }
    NotesApi api = serve(args.length == 1 ? Args.toInt(args[0]) : 8080, System.out);
    // The server's dispatcher thread keeps the process alive after main returns.
    Runtime.getRuntime().addShutdownHook(new Thread(api::close));
  }
}
