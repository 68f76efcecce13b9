package org.interviewtasks.junior.apps;

import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The HTTP client settings the tasks of this package share: timeouts and a User-Agent.
 *
 * <p>OkHttp's defaults are 10 s to connect and 10 s per read, which is right for these tools; the
 * factory makes them explicit and adjustable (tests pass a few hundred milliseconds). The
 * User-Agent {@value #PRODUCT}{@code /<version>} names the program, as polite clients do, so a site
 * owner can tell who calls; a request that sets its own User-Agent keeps it. Build one client and
 * share it: each {@link OkHttpClient} owns a connection pool.
 */
public final class Http {

  /** The product part of the User-Agent. */
  public static final String PRODUCT = "interview-tasks";

  /** The User-Agent sent with every request, e.g. {@code interview-tasks/1.0.0}. */
  public static final String USER_AGENT = PRODUCT + "/" + Cli.version();

  /** Connect, read and write timeout of {@link #client()}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private Http() {}

  /** A client with the {@linkplain #DEFAULT_TIMEOUT default timeouts} and the User-Agent. */
  public static OkHttpClient client() {
    return client(DEFAULT_TIMEOUT);
  }

  /**
   * A client whose connect, read and write timeouts are each {@code timeout}, sending the
   * User-Agent. The read timeout bounds each wait for bytes, not a whole download.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static OkHttpClient client(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new OkHttpClient.Builder()
        .connectTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .addInterceptor(
            chain -> {
              var request = chain.request();
              if (request.header("User-Agent") != null) {
                return chain.proceed(request);
              }
              return chain.proceed(request.newBuilder().header("User-Agent", USER_AGENT).build());
            })
        .build();
  }
}
