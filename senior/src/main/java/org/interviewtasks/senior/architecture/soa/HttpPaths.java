package org.interviewtasks.senior.architecture.soa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of one path segment. */
final class HttpPaths {

  private HttpPaths() {}

  /** The segment encoded as UTF-8 ({@code %20} for a space, {@code %2F} for a slash). */
  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
