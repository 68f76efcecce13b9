package org.interviewtasks.junior.apps;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Fetches the current weather at a place from a public API (Open-Meteo) and shows it readably.
 *
 * <p><b>Approach.</b> One GET to {@code /v1/forecast?latitude=..&longitude=..
 * &current=temperature_2m,wind_speed_10m}, Open-Meteo's real endpoint (free, no key), with OkHttp
 * (timeouts and a User-Agent from {@link Http}). Jackson reads the body as a stream into records
 * that mirror the response's shape ({@code current.temperature_2m}, units in {@code
 * current_units}), and the result is a {@link Current} value whose {@link Current#describe()} is
 * the readable line, e.g. {@code 52.52°N 13.42°E, 2025-05-01T12:00 GMT: 18.3 °C, wind 11.2 km/h}.
 * The base URL is a constructor argument, so tests point it at a local server and a user at a
 * self-hosted instance.
 *
 * <p><b>Edge cases.</b> Every failure is a {@link WeatherException} (an {@link IOException}) with
 * the reason: an HTTP error status (with Open-Meteo's own {@code reason} when its JSON error body
 * has one), a body that is not JSON, or a missing field, named by its path ({@code
 * current.temperature_2m}). Timeouts surface as OkHttp's {@link java.io.InterruptedIOException}.
 * Coordinates outside [-90, 90] and [-180, 180], or NaN, are rejected before any request.
 *
 * <p><b>Follow-up.</b> <i>"Many users ask for the same city?"</i> Cache by rounded coordinates for
 * the API's update interval (15 minutes) and respect its rate limits. <i>"A city name instead of
 * coordinates?"</i> Open-Meteo's geocoding endpoint turns a name into coordinates first.
 */
@Task(id = "junior.apps.2", title = "Weather from a public API")
public final class WeatherReport {

  /** Open-Meteo's public API. */
  public static final HttpUrl OPEN_METEO = HttpUrl.get("https://api.open-meteo.com/");

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * The weather now at a place.
   *
   * @param latitude the latitude of the forecast's grid cell, in degrees
   * @param longitude the longitude of the grid cell, in degrees
   * @param time the local time of the observation, ISO 8601 without zone
   * @param timezone the zone of {@code time}, e.g. {@code GMT}
   * @param temperature the air temperature 2 m above ground
   * @param temperatureUnit e.g. {@code °C}
   * @param windSpeed the wind speed 10 m above ground
   * @param windSpeedUnit e.g. {@code km/h}
   */
  public record Current(
      double latitude,
      double longitude,
      String time,
      String timezone,
      double temperature,
      String temperatureUnit,
      double windSpeed,
      String windSpeedUnit) {

    /** One readable line, e.g. {@code 52.52°N 13.42°E, 2025-05-01T12:00 GMT: 18.3 °C, ...}. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s %s, %s %s: %s %s, wind %s %s",
          degrees(latitude, 'N', 'S'),
          degrees(longitude, 'E', 'W'),
          time,
          timezone,
          plain(temperature),
          temperatureUnit,
          plain(windSpeed),
          windSpeedUnit);
    }

    private static String degrees(double value, char positive, char negative) {
      return String.format(
          Locale.ROOT, "%.2f°%c", Math.abs(value), value < 0 ? negative : positive);
    }

    private static String plain(double value) {
      return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }

  /** The weather API failed: an error status, or a body that is not the expected JSON. */
  public static final class WeatherException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;

    WeatherException(String message, int statusCode, Throwable cause) {
      super(message, cause);
      this.statusCode = statusCode;
    }

    /** The HTTP status of the response (200 when the body was the problem). */
    public int statusCode() {
      return statusCode;
    }
  }

  // The response's shape; boxed fields so a missing one is null, not a silent 0.
  private record Body(
      Double latitude,
      Double longitude,
      String timezone,
      @JsonProperty("current_units") Units units,
      @JsonProperty("current") Values current) {}

  private record Units(
      @JsonProperty("temperature_2m") String temperature,
      @JsonProperty("wind_speed_10m") String windSpeed) {}

  private record Values(
      String time,
      @JsonProperty("temperature_2m") Double temperature,
      @JsonProperty("wind_speed_10m") Double windSpeed) {}

  private final OkHttpClient client;
  private final HttpUrl baseUrl;

  /** A report from Open-Meteo with the default client. */
  public WeatherReport() {
    this(Http.client(), OPEN_METEO);
  }

  /**
   * A report from the API at {@code baseUrl} (Open-Meteo or a compatible server); {@code
   * v1/forecast} is resolved against it, so a base with a path should end in {@code /}.
   */
  public WeatherReport(OkHttpClient client, HttpUrl baseUrl) {
    this.client = Objects.requireNonNull(client, "client");
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /** The URL {@link #current} requests for a place. */
  public HttpUrl url(double latitude, double longitude) {
    check(latitude, 90, "latitude");
    check(longitude, 180, "longitude");
    return Objects.requireNonNull(baseUrl.resolve("v1/forecast"))
        .newBuilder()
        .addQueryParameter("latitude", BigDecimal.valueOf(latitude).toPlainString())
        .addQueryParameter("longitude", BigDecimal.valueOf(longitude).toPlainString())
        .addEncodedQueryParameter("current", "temperature_2m,wind_speed_10m")
        .build();
  }

  /**
   * The weather now at a place.
   *
   * @throws IllegalArgumentException if a coordinate is out of range or NaN
   * @throws WeatherException if the API answers an error or an unexpected body
   * @throws IOException if the request fails or times out
   */
  public Current current(double latitude, double longitude) throws IOException {
    Request request = new Request.Builder().url(url(latitude, longitude)).build();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      if (!response.isSuccessful()) {
        throw new WeatherException(errorMessage(response.code(), body), response.code(), null);
      }
      Body parsed;
      try {
        parsed = JSON.readValue(body.byteStream(), Body.class);
      } catch (JacksonException e) {
        throw malformed("not the expected JSON (" + e.getOriginalMessage() + ")", e);
      }
      return toCurrent(parsed);
    }
  }

  private static Current toCurrent(Body body) throws WeatherException {
    if (body == null) {
      throw malformed("an empty JSON document", null);
    }
    Values values = require(body.current(), "current");
    Units units = require(body.units(), "current_units");
    return new Current(
        require(body.latitude(), "latitude"),
        require(body.longitude(), "longitude"),
        require(values.time(), "current.time"),
        require(body.timezone(), "timezone"),
        require(values.temperature(), "current.temperature_2m"),
        require(units.temperature(), "current_units.temperature_2m"),
        require(values.windSpeed(), "current.wind_speed_10m"),
        require(units.windSpeed(), "current_units.wind_speed_10m"));
  }

  private static <T> T require(T value, String path) throws WeatherException {
    if (value == null) {
      throw malformed("no field " + path, null);
    }
    return value;
  }

  private static WeatherException malformed(String problem, Throwable cause) {
    return new WeatherException("unexpected weather response: " + problem, 200, cause);
  }

  private static String errorMessage(int code, ResponseBody body) {
    String message = "weather API answered HTTP " + code;
    try {
      JsonNode error = JSON.readTree(body.byteStream());
      JsonNode reason = error == null ? null : error.get("reason");
      return reason != null && reason.isTextual() ? message + ": " + reason.asText() : message;
    } catch (IOException notJson) {
      return message;
    }
  }

  private static void check(double degrees, int limit, String name) {
    if (!(degrees >= -limit && degrees <= limit)) {
      throw new IllegalArgumentException(
          name + " must be between -" + limit + " and " + limit + ", was " + degrees);
    }
  }

  /**
   * Runs the weather command line with the given writers and returns its exit code: 0 done, 1 the
   * API failed, 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Show(), out, err, args);
  }

  /**
   * Prints the weather at the coordinates given as arguments, e.g. {@code 52.52 13.41}.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.2", new Show(), args);
  }

  @Command(
      name = "junior.apps.2",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = "Prints the current temperature and wind at a place, from Open-Meteo.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:done", "1:the request or the API failed", "2:usage error"})
  private static final class Show implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LATITUDE", description = "Degrees north, -90 to 90.")
    private double latitude;

    @Parameters(index = "1", paramLabel = "LONGITUDE", description = "Degrees east, -180 to 180.")
    private double longitude;

    @Option(
        names = "--base-url",
        paramLabel = "URL",
        defaultValue = "https://api.open-meteo.com/",
        description = "The API (default: ${DEFAULT-VALUE}).")
    private String baseUrl;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "10",
        description = "Connect and read timeout (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
      HttpUrl base = HttpUrl.parse(baseUrl);
      if (base == null) {
        throw usage("not an http or https URL: '" + baseUrl + "'");
      }
      WeatherReport report;
      try {
        report = new WeatherReport(Http.client(Duration.ofSeconds(timeoutSeconds)), base);
        report.url(latitude, longitude);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      Current current = report.current(latitude, longitude);
      spec.commandLine().getOut().println(current.describe());
      return Cli.OK;
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }
}
