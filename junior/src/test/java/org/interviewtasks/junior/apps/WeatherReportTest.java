package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.WeatherReport.Current;
import org.interviewtasks.junior.apps.WeatherReport.WeatherException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WeatherReportTest {

  private static final String RECORDED = MockServers.resource("open-meteo-current.json");
  private static final Current BERLIN =
      new Current(52.52, 13.419998, "2025-05-01T12:00", "GMT", 18.3, "°C", 11.2, "km/h");

  private MockWebServer server;
  private WeatherReport report;

  @BeforeEach
  void start() throws Exception {
    server = MockServers.started();
    report = new WeatherReport(MockServers.client(), server.url("/"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Nested
  class Success {

    @Test
    void readsTheRecordedOpenMeteoResponse() throws Exception {
      server.enqueue(MockServers.response(200, "application/json", RECORDED));

      assertThat(report.current(52.52, 13.41)).isEqualTo(BERLIN);
    }

    @Test
    void asksForTheCurrentTemperatureAndWindWithAUserAgent() throws Exception {
      server.enqueue(MockServers.response(200, RECORDED));

      report.current(-33.8688, 151.2093);
      RecordedRequest request = server.takeRequest();

      assertThat(request.getMethod()).isEqualTo("GET");
      assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/forecast");
      assertThat(request.getUrl().queryParameter("latitude")).isEqualTo("-33.8688");
      assertThat(request.getUrl().queryParameter("longitude")).isEqualTo("151.2093");
      assertThat(request.getUrl().queryParameter("current"))
          .isEqualTo("temperature_2m,wind_speed_10m");
      assertThat(request.getHeaders().get("User-Agent")).isEqualTo(Http.USER_AGENT);
    }

    @Test
    void aBaseUrlWithAPathIsKept() throws Exception {
      server.enqueue(MockServers.response(200, RECORDED));
      var proxied = new WeatherReport(MockServers.client(), server.url("/proxy/meteo/"));

      proxied.current(0, 0);

      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/proxy/meteo/v1/forecast");
    }

    @Test
    void followsARedirect() throws Exception {
      server.enqueue(MockServers.redirect(301, "/moved/v1/forecast?latitude=1&longitude=2"));
      server.enqueue(MockServers.response(200, RECORDED));

      assertThat(report.current(1, 2)).isEqualTo(BERLIN);
      server.takeRequest();
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/moved/v1/forecast");
    }

    @Test
    void describesInOneLine() {
      assertThat(BERLIN.describe())
          .isEqualTo("52.52°N 13.42°E, 2025-05-01T12:00 GMT: 18.3 °C, wind 11.2 km/h");
      assertThat(
              new Current(-33.87, -151.2, "2025-01-01T00:00", "GMT", -4.0, "°F", 0, "mp/h")
                  .describe())
          .isEqualTo("33.87°S 151.20°W, 2025-01-01T00:00 GMT: -4 °F, wind 0 mp/h");
      assertThat(new Current(0, 0, "t", "UTC", 1e-7, "°C", 120.50, "km/h").describe())
          .isEqualTo("0.00°N 0.00°E, t UTC: 0.0000001 °C, wind 120.5 km/h");
    }
  }

  @Nested
  class Failures {

    @Test
    void anOpenMeteoErrorCarriesItsReason() {
      server.enqueue(
          MockServers.response(
              400,
              "application/json",
              "{\"error\":true,\"reason\":\"Latitude must be in range of -90 to 90°. Given: 91.\"}"));

      assertThatThrownBy(() -> report.current(1, 1))
          .isInstanceOf(WeatherException.class)
          .hasMessage(
              "weather API answered HTTP 400: Latitude must be in range of -90 to 90°. Given: 91.")
          .satisfies(e -> assertThat(((WeatherException) e).statusCode()).isEqualTo(400));
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "404|<html><body>Not Found</body></html>",
          "500|''",
          "503|{\"error\":true}",
          "429|{\"reason\":42}",
          "502|null"
        })
    void anErrorStatusWithoutAReasonNamesTheStatus(int code, String body) {
      server.enqueue(MockServers.response(code, body));

      assertThatThrownBy(() -> report.current(1, 1))
          .isInstanceOf(WeatherException.class)
          .hasMessage("weather API answered HTTP " + code)
          .satisfies(e -> assertThat(((WeatherException) e).statusCode()).isEqualTo(code));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
        strings = {
          "<html>maintenance</html>",
          "{\"current\": ",
          "",
          "{\"latitude\":52.5,\"current\":{\"temperature_2m\":\"warm\"}}",
          "[1, 2]"
        })
    void aBodyThatIsNotTheExpectedJsonIsReported(String body) {
      server.enqueue(MockServers.response(200, body));

      assertThatThrownBy(() -> report.current(1, 1))
          .isInstanceOf(WeatherException.class)
          .hasMessageStartingWith("unexpected weather response: not the expected JSON (")
          .hasCauseInstanceOf(com.fasterxml.jackson.core.JacksonException.class)
          .satisfies(e -> assertThat(((WeatherException) e).statusCode()).isEqualTo(200));
    }

    @Test
    void aNullDocumentIsReported() {
      server.enqueue(MockServers.response(200, "null"));

      assertThatThrownBy(() -> report.current(1, 1))
          .isInstanceOf(WeatherException.class)
          .hasMessage("unexpected weather response: an empty JSON document");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(
        strings = {
          "latitude",
          "longitude",
          "timezone",
          "current",
          "current_units",
          "current.time",
          "current.temperature_2m",
          "current.wind_speed_10m",
          "current_units.temperature_2m",
          "current_units.wind_speed_10m"
        })
    void aMissingFieldIsNamedByItsPath(String path) throws Exception {
      var mapper = new ObjectMapper();
      var json = (ObjectNode) mapper.readTree(RECORDED);
      String[] parts = path.split("\\.", 2);
      if (parts.length == 1) {
        json.remove(parts[0]);
      } else {
        ((ObjectNode) json.get(parts[0])).remove(parts[1]);
      }
      server.enqueue(MockServers.response(200, mapper.writeValueAsString(json)));

      assertThatThrownBy(() -> report.current(1, 1))
          .isInstanceOf(WeatherException.class)
          .hasMessage("unexpected weather response: no field " + path)
          .hasNoCause();
    }

    @Test
    void slowHeadersTimeOut() {
      server.enqueue(
          new MockResponse.Builder().body(RECORDED).headersDelay(2, TimeUnit.SECONDS).build());

      assertThatThrownBy(() -> impatient().current(1, 1))
          .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void aSlowBodyTimesOut() {
      server.enqueue(
          new MockResponse.Builder().body(RECORDED).bodyDelay(2, TimeUnit.SECONDS).build());

      assertThatThrownBy(() -> impatient().current(1, 1))
          .isInstanceOf(InterruptedIOException.class);
    }
  }

  @Nested
  class Coordinates {

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"90, 180", "-90, -180", "0, 0", "0.00001, -0.00001"})
    void boundariesAreAccepted(double latitude, double longitude) {
      HttpUrl url = report.url(latitude, longitude);

      assertThat(Double.parseDouble(url.queryParameter("latitude"))).isEqualTo(latitude);
      assertThat(Double.parseDouble(url.queryParameter("longitude"))).isEqualTo(longitude);
      assertThat(url.queryParameter("latitude")).doesNotContain("E");
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "90.0001|0|latitude must be between -90 and 90, was 90.0001",
          "-91|0|latitude must be between -90 and 90, was -91.0",
          "NaN|0|latitude must be between -90 and 90, was NaN",
          "0|180.5|longitude must be between -180 and 180, was 180.5",
          "0|-181|longitude must be between -180 and 180, was -181.0",
          "0|Infinity|longitude must be between -180 and 180, was Infinity"
        })
    void outOfRangeIsRejectedBeforeAnyRequest(double latitude, double longitude, String message) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> report.current(latitude, longitude))
          .withMessage(message);
      assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.WeatherReportTest#seeds")
    void theUrlCarriesTheExactCoordinates(long seed) {
      var random = new SplittableRandom(seed);
      double latitude = random.nextDouble(-90, 90);
      double longitude = random.nextDouble(-180, 180);

      HttpUrl url = report.url(latitude, longitude);

      assertThat(Double.parseDouble(url.queryParameter("latitude"))).isEqualTo(latitude);
      assertThat(Double.parseDouble(url.queryParameter("longitude"))).isEqualTo(longitude);
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> new WeatherReport(null, server.url("/")))
          .withMessage("client");
      assertThatNullPointerException()
          .isThrownBy(() -> new WeatherReport(MockServers.client(), null))
          .withMessage("baseUrl");
    }

    @Test
    void theDefaultIsOpenMeteo() {
      assertThat(new WeatherReport().url(52.52, 13.41).toString())
          .isEqualTo(
              "https://api.open-meteo.com/v1/forecast?latitude=52.52&longitude=13.41"
                  + "&current=temperature_2m,wind_speed_10m");
    }
  }

  @Nested
  class CommandLine {

    /** Runs the command line against the local server, unless the arguments name another. */
    private CommandRun weather(String... args) throws Exception {
      List<String> all = new ArrayList<>(List.of(args));
      if (all.stream().noneMatch(a -> a.startsWith("--base-url"))) {
        all.add(0, "--base-url=" + server.url("/"));
      }
      if (all.stream().noneMatch(a -> a.startsWith("--timeout"))) {
        all.add(0, "--timeout=1");
      }
      return CommandRun.of((out, err) -> WeatherReport.run(out, err, all.toArray(String[]::new)));
    }

    @Test
    void printsTheWeather() throws Exception {
      server.enqueue(MockServers.response(200, RECORDED));

      CommandRun run = weather("52.52", "13.41");

      assertThat(run.code()).isZero();
      assertThat(run.out()).isEqualTo(BERLIN.describe() + System.lineSeparator());
    }

    @Test
    void negativeCoordinatesAreNotOptions() throws Exception {
      server.enqueue(MockServers.response(200, RECORDED));

      assertThat(weather("-33.87", "-151.2").code()).isZero();
      assertThat(server.takeRequest().getUrl().queryParameter("longitude")).isEqualTo("-151.2");
    }

    @Test
    void anApiErrorFailsWithExitCode1() throws Exception {
      server.enqueue(MockServers.response(404, "nope"));

      CommandRun run = weather("1", "2");

      assertThat(run.code()).isEqualTo(1);
      assertThat(run.err())
          .isEqualTo("error: weather API answered HTTP 404" + System.lineSeparator());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "91 0|latitude must be between -90 and 90, was 91.0",
          "north 0|Invalid value for positional parameter at index 0 (LATITUDE): 'north'",
          "1|Missing required parameter: 'LONGITUDE'",
          "--timeout=0 1 2|timeout must be positive, was PT0S",
          "--base-url=ftp://x 1 2|not an http or https URL: 'ftp://x'"
        })
    void badArgumentsAreUsageErrors(String args, String message) throws Exception {
      CommandRun run = weather(args.split(" "));

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith(message);
      assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void mainPrintsOnTheConsole() throws Exception {
      server.enqueue(MockServers.response(200, RECORDED));

      var printed =
          StdStreams.capture(
              () -> WeatherReport.main("--base-url", server.url("/").toString(), "52.5", "13.4"));

      assertThat(printed.out()).isEqualTo(BERLIN.describe() + System.lineSeparator());
    }
  }

  private WeatherReport impatient() {
    return new WeatherReport(MockServers.impatientClient(), server.url("/"));
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
