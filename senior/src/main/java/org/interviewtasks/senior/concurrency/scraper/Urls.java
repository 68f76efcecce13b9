package org.interviewtasks.senior.concurrency.scraper;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * URL normalisation, so that one page spelled several ways is fetched once: {@code
 * HTTP://Host:80/a/../b?#top} and {@code http://host/b} are the same page.
 *
 * <p>The rules are the safe ones of RFC 3986 section 6: scheme and host in lower case, the default
 * port dropped, dot segments removed, an empty path made {@code /}, percent-escapes in upper case
 * and those of unreserved characters decoded, the fragment dropped (it never reaches the server),
 * an empty query dropped. Query parameters keep their order: a server may give it meaning.
 */
public final class Urls {
  private Urls() {}

  /**
   * The normal form of an absolute http(s) URL, or empty if it is not one (another scheme, no host,
   * a malformed reference).
   */
  public static Optional<URI> normalize(String url) {
    Objects.requireNonNull(url, "url");
    try {
      return normalize(new URI(url.strip()));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code reference} resolved against {@code base} and normalised; empty as for {@link
   * #normalize(String)}.
   */
  public static Optional<URI> resolve(URI base, String reference) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(reference, "reference");
    try {
      return normalize(base.resolve(new URI(reference.strip())));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<URI> normalize(URI uri) throws URISyntaxException {
    String scheme = uri.getScheme();
    if (scheme == null || uri.getRawAuthority() == null) {
      return Optional.empty();
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.empty();
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    host = host.toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
      port = -1;
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    path = new URI("http://h" + escapes(path)).normalize().getRawPath();
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    if (path.equals("/..")) {
      path = "/";
    }
    String query = uri.getRawQuery();
    StringBuilder out = new StringBuilder(scheme).append("://").append(host);
    if (port != -1) {
      out.append(':').append(port);
    }
    out.append(path);
    if (query != null && !query.isEmpty()) {
      out.append('?').append(escapes(query));
    }
    return Optional.of(new URI(out.toString()));
  }

  /** Upper-case hex in percent-escapes; escapes of unreserved characters decoded. */
  private static String escapes(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) && hex(raw.charAt(i + 2))) {
        int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
        if (unreserved(value)) {
          out.append((char) value);
        } else {
          out.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
        }
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean hex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** {@code host:port} of the URL (the port always given), the key of per-host limits. */
  static String authority(URI uri) {
    int port = uri.getPort();
    if (port == -1) {
      port = "https".equals(uri.getScheme()) ? 443 : 80;
    }
    return uri.getHost() + ":" + port;
  }
}
