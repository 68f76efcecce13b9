package org.interviewtasks.mid.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The deliverable of mid.testing.2: a test suite that drives {@link NotesApi} over real HTTP with
 * OkHttp, through valid requests, invalid ones, malformed JSON, unknown paths, wrong methods and
 * media types, and concurrent creates. A fresh server per test keeps the tests independent.
 */
class NotesApiTest {

  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final ObjectMapper MAPPER = new ObjectMapper();
  static OkHttpClient client;

  NotesApi api;

  record Reply(int status, String contentType, String allow, String location, JsonNode body) {}

  @BeforeAll
  static void client() {
    client = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
  }

  @AfterAll
  static void closeClient() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @BeforeEach
  void start() throws IOException {
    api = NotesApi.start(0);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  HttpUrl url(String path) {
    return HttpUrl.get(api.uri().resolve(path).toString());
  }

  Reply call(String method, String path, RequestBody body) throws IOException {
    Request request = new Request.Builder().url(url(path)).method(method, body).build();
    try (Response response = client.newCall(request).execute()) {
      String text = response.body().string();
      return new Reply(
          response.code(),
          response.header("Content-Type"),
          response.header("Allow"),
          response.header("Location"),
          text.isEmpty() ? null : MAPPER.readTree(text));
    }
  }

  Reply get(String path) throws IOException {
    return call("GET", path, null);
  }

  Reply post(String path, String json) throws IOException {
    return call("POST", path, RequestBody.create(json, JSON));
  }

  Reply put(String path, String json) throws IOException {
    return call("PUT", path, RequestBody.create(json, JSON));
  }

  Reply delete(String path) throws IOException {
    return call("DELETE", path, null);
  }

  static void assertProblem(Reply reply, int status, String title, String detail) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.contentType()).isEqualTo("application/problem+json");
    assertThat(reply.body().get("status").asInt()).isEqualTo(status);
    assertThat(reply.body().get("title").asText()).isEqualTo(title);
    assertThat(reply.body().get("type").asText()).isEqualTo("about:blank");
    assertThat(reply.body().get("detail").asText()).isEqualTo(detail);
  }

  @Nested
  class ValidRequests {

    @Test
    void createsANoteWithLocationAndId() throws IOException {
      Reply created = post("/notes", "{\"title\": \"Groceries\", \"body\": \"milk, eggs\"}");

      assertThat(created.status()).isEqualTo(201);
      assertThat(created.contentType()).isEqualTo("application/json");
      assertThat(created.location()).isEqualTo("/notes/1");
      assertThat(created.body())
          .isEqualTo(MAPPER.readTree("{\"id\":1,\"title\":\"Groceries\",\"body\":\"milk, eggs\"}"));
    }

    @Test
    void readsBackWhatWasCreatedIncludingUnicode() throws IOException {
      post("/notes", "{\"title\": \"Ünïcödé 😀\", \"body\": \"中文\"}");

      Reply read = get("/notes/1");

      assertThat(read.status()).isEqualTo(200);
      assertThat(read.body().get("title").asText()).isEqualTo("Ünïcödé 😀");
      assertThat(read.body().get("body").asText()).isEqualTo("中文");
    }

    @Test
    void listsNotesById() throws IOException {
      assertThat(get("/notes").body()).isEmpty();
      post("/notes", "{\"title\": \"a\"}");
      post("/notes", "{\"title\": \"b\", \"body\": \"\"}");

      Reply list = get("/notes/");

      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body())
          .isEqualTo(
              MAPPER.readTree(
                  "[{\"id\":1,\"title\":\"a\",\"body\":\"\"},{\"id\":2,\"title\":\"b\",\"body\":\"\"}]"));
    }

    @Test
    void replacesANote() throws IOException {
      post("/notes", "{\"title\": \"draft\", \"body\": \"x\"}");

      Reply updated = put("/notes/1", "{\"title\": \"final\"}");

      assertThat(updated.status()).isEqualTo(200);
      assertThat(updated.body())
          .isEqualTo(MAPPER.readTree("{\"id\":1,\"title\":\"final\",\"body\":\"\"}"));
      assertThat(get("/notes/1").body()).isEqualTo(updated.body());
    }

    @Test
    void deletesANote() throws IOException {
      post("/notes", "{\"title\": \"temp\"}");
      post("/notes", "{\"title\": \"keep\"}");

      Reply deleted = delete("/notes/1");

      assertThat(deleted.status()).isEqualTo(204);
      assertThat(deleted.body()).isNull();
      assertThat(get("/notes/1").status()).isEqualTo(404);
      assertThat(get("/notes").body()).hasSize(1);
      assertThat(delete("/notes/1").status()).isEqualTo(404);
    }

    @Test
    void acceptsBoundaryLengthsAndTheContentTypeCaseInsensitively() throws IOException {
      String title = "t".repeat(NotesApi.MAX_TITLE);
      String body = "b".repeat(NotesApi.MAX_BODY);
      String json = MAPPER.writeValueAsString(new NotesApi.NoteInput(title, body));

      Reply created =
          call("POST", "/notes", RequestBody.create(json, MediaType.get("Application/JSON")));

      assertThat(created.status()).isEqualTo(201);
      assertThat(created.body().get("title").asText()).hasSize(NotesApi.MAX_TITLE);
      assertThat(created.body().get("body").asText()).hasSize(NotesApi.MAX_BODY);
    }
  }

  @Nested
  class InvalidInput {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{}|title is required and must not be blank",
          "{\"body\": \"x\"}|title is required and must not be blank",
          "{\"title\": null}|title is required and must not be blank",
          "{\"title\": \"\"}|title is required and must not be blank",
          "{\"title\": \"  \\t\"}|title is required and must not be blank"
        })
    void rejectsAMissingOrBlankTitle(String json, String detail) throws IOException {
      assertProblem(post("/notes", json), 400, "Bad Request", detail);
      assertThat(get("/notes").body()).isEmpty();
    }

    @Test
    void rejectsTooLongValues() throws IOException {
      String longTitle =
          MAPPER.writeValueAsString(new NotesApi.NoteInput("t".repeat(NotesApi.MAX_TITLE + 1), ""));
      String longBody =
          MAPPER.writeValueAsString(new NotesApi.NoteInput("t", "b".repeat(NotesApi.MAX_BODY + 1)));

      assertProblem(
          post("/notes", longTitle), 400, "Bad Request", "title must be at most 200 characters");
      assertProblem(
          post("/notes", longBody), 400, "Bad Request", "body must be at most 10000 characters");
    }

    @Test
    void rejectsInvalidInputOnUpdateAndKeepsTheNote() throws IOException {
      post("/notes", "{\"title\": \"keep\"}");

      assertProblem(
          put("/notes/1", "{\"title\": \" \"}"),
          400,
          "Bad Request",
          "title is required and must not be blank");
      assertThat(get("/notes/1").body().get("title").asText()).isEqualTo("keep");
    }

    @Test
    void refusesAnOversizedRequestBody() throws IOException {
      String huge = "{\"title\": \"" + "x".repeat(70_000) + "\"}";

      assertProblem(
          post("/notes", huge), 413, "Content Too Large", "request body exceeds 65536 bytes");
    }
  }

  @Nested
  class MalformedJson {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "{\"title\": ",
          "{title: \"x\"}",
          "not json",
          "",
          "[]",
          "[{\"title\": \"x\"}]",
          "{\"title\": \"x\", \"colour\": \"red\"}",
          "{\"title\": 42}",
          "{\"title\": [\"x\"]}",
          "{\"title\": true}",
          "{\"title\": 1.5}",
          "{\"title\": \"x\"} trailing"
        })
    void answers400WithAProblem(String json) throws IOException {
      Reply reply = post("/notes", json);

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
      assertThat(reply.body().get("detail").asText()).startsWith("malformed JSON: ");
      assertThat(get("/notes").body()).isEmpty();
    }

    @Test
    void answers400ForJsonNull() throws IOException {
      assertProblem(post("/notes", "null"), 400, "Bad Request", "expected a JSON object, got null");
    }
  }

  @Nested
  class Routing {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/", "/note", "/notes/1/extra", "/notesx", "/other/1"})
    void answers404ForUnknownPaths(String path) throws IOException {
      String normalised =
          path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
      assertProblem(get(path), 404, "Not Found", "no resource at " + normalised);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99", "abc", "-1", "1.0", "99999999999999999999", "0"})
    void answers404ForUnknownIds(String id) throws IOException {
      post("/notes", "{\"title\": \"one\"}");

      assertProblem(get("/notes/" + id), 404, "Not Found", "no note with id " + id);
      assertProblem(
          put("/notes/" + id, "{\"title\": \"x\"}"), 404, "Not Found", "no note with id " + id);
      assertProblem(delete("/notes/" + id), 404, "Not Found", "no note with id " + id);
    }

    @Test
    void answers405WithAllowForTheCollection() throws IOException {
      Reply reply = call("DELETE", "/notes", null);

      assertProblem(
          reply, 405, "Method Not Allowed", "DELETE is not allowed here; allowed: GET, POST");
      assertThat(reply.allow()).isEqualTo("GET, POST");
      assertThat(call("PUT", "/notes", RequestBody.create("{}", JSON)).allow())
          .isEqualTo("GET, POST");
    }

    @Test
    void answers405WithAllowForANote() throws IOException {
      post("/notes", "{\"title\": \"one\"}");

      Reply reply = call("POST", "/notes/1", RequestBody.create("{\"title\": \"x\"}", JSON));

      assertProblem(
          reply, 405, "Method Not Allowed", "POST is not allowed here; allowed: GET, PUT, DELETE");
      assertThat(reply.allow()).isEqualTo("GET, PUT, DELETE");
      assertThat(call("PATCH", "/notes/1", RequestBody.create("{}", JSON)).status()).isEqualTo(405);
    }

    @Test
    void answers415ForAnotherMediaType() throws IOException {
      Reply text =
          call(
              "POST",
              "/notes",
              RequestBody.create(
                  "title=x".getBytes(StandardCharsets.UTF_8), MediaType.get("text/plain")));
      Reply none = call("POST", "/notes", RequestBody.create(new byte[0], null));

      assertProblem(
          text,
          415,
          "Unsupported Media Type",
          "expected Content-Type application/json, got text/plain");
      assertProblem(
          none, 415, "Unsupported Media Type", "expected Content-Type application/json, got none");
      post("/notes", "{\"title\": \"one\"}");
      assertThat(
              call("PUT", "/notes/1", RequestBody.create("{}", MediaType.get("application/xml")))
                  .status())
          .isEqualTo(415);
    }
  }

  @Nested
  class Concurrency {

    @Test
    void concurrentCreatesGetDistinctIds() throws Exception {
      int clients = 64;
      CountDownLatch ready = new CountDownLatch(clients);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Reply>> replies = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
        for (int i = 0; i < clients; i++) {
          String json = "{\"title\": \"note " + i + "\"}";
          replies.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    go.await();
                    return post("/notes", json);
                  }));
        }
        go.countDown();
        Set<Long> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Future<Reply> future : replies) {
          Reply reply = future.get(30, TimeUnit.SECONDS);
          assertThat(reply.status()).isEqualTo(201);
          ids.add(reply.body().get("id").asLong());
          titles.add(reply.body().get("title").asText());
        }

        assertThat(ids).hasSize(clients).allSatisfy(id -> assertThat(id).isBetween(1L, 64L));
        assertThat(titles).hasSize(clients);
      }
      assertThat(get("/notes").body()).hasSize(clients);
    }
  }

  @Nested
  class Lifecycle {

    @Test
    void servePrintsWhereItListens() throws IOException {
      var bytes = new ByteArrayOutputStream();
      try (NotesApi served =
          NotesApi.serve(0, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
        assertThat(bytes.toString(StandardCharsets.UTF_8))
            .isEqualTo(
                "Notes API listening on "
                    + served.uri()
                    + "notes (Ctrl-C stops it)"
                    + System.lineSeparator());
        assertThat(served.uri().toString()).startsWith("http://127.0.0.1:");
      }
    }

    @Test
    void rejectsBadPortsAndUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NotesApi.start(-1))
          .withMessage("port must be in 0..65535: -1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NotesApi.start(65_536))
          .withMessage("port must be in 0..65535: 65536");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NotesApi.main("1", "2"))
          .withMessage("usage: mid.testing.2 [port]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> NotesApi.main("http"))
          .withMessage("not an int: 'http'");
    }
  }
}
