package org.interviewtasks.senior.operations.monitoring;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context of one request as this service handles it: the trace it belongs to, the
 * span this service opened for it, and the caller's span, if a caller sent one.
 *
 * <p>An incoming {@code traceparent} header ({@code 00-<32 hex trace id>-<16 hex span id>-<2 hex
 * flags>}) is joined: the trace id is kept, the caller's span becomes the parent, and a new span id
 * names this hop. A missing or malformed header starts a new trace, as the specification asks
 * (never an error for the caller: tracing must not break requests). The ids land in every log line
 * of the request ({@code trace.id}, {@code span.id}), so Kibana finds all lines of one request
 * across services by one id.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero: this service's span
 * @param parentSpanId the caller's span id, or empty for a trace that starts here
 * @param sampled the caller's sampled flag (true for a new trace)
 */
public record TraceContext(
    String traceId, String spanId, Optional<String> parentSpanId, boolean sampled) {

  /** The request header that carries the context. */
  public static final String HEADER = "traceparent";

  private static final Pattern TRACEPARENT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Checks the ids.
   *
   * @throws IllegalArgumentException if an id is not lowercase hex of its length, or all zero
   */
  public TraceContext {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
    if (!TRACE_ID.matcher(traceId).matches() || allZero(traceId)) {
      throw new IllegalArgumentException("trace id must be 32 hex digits, not all 0: " + traceId);
    }
    if (!SPAN_ID.matcher(spanId).matches() || allZero(spanId)) {
      throw new IllegalArgumentException("span id must be 16 hex digits, not all 0: " + spanId);
    }
    parentSpanId.ifPresent(
        parent -> {
          if (!SPAN_ID.matcher(parent).matches() || allZero(parent)) {
            throw new IllegalArgumentException(
                "parent span id must be 16 hex digits, not all 0: " + parent);
          }
        });
  }

  /**
   * The context of a request that came with {@code header} (null when it had none): the caller's
   * trace joined if the header is valid, else a new trace.
   */
  public static TraceContext continueOrStart(String header, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    Optional<TraceContext> parent = parse(header);
    return parent
        .map(p -> new TraceContext(p.traceId, newSpanId(random), Optional.of(p.spanId), p.sampled))
        .orElseGet(() -> start(random));
  }

  /** A new trace, with this service's span as its root. */
  public static TraceContext start(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    String traceId;
    do {
      traceId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    } while (allZero(traceId));
    return new TraceContext(traceId, newSpanId(random), Optional.empty(), true);
  }

  /**
   * The caller's context in a {@code traceparent} value, or empty if it is absent or malformed:
   * wrong shape, uppercase hex, version {@code ff}, all-zero ids, or a version-00 header with
   * trailing fields. (A higher version may append fields; they are ignored, as the spec says.)
   */
  public static Optional<TraceContext> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    var m = TRACEPARENT.matcher(header.strip());
    if (!m.matches()
        || m.group(1).equals("ff")
        || (m.group(1).equals("00") && m.group(5) != null)
        || allZero(m.group(2))
        || allZero(m.group(3))) {
      return Optional.empty();
    }
    boolean sampled = (Integer.parseInt(m.group(4), 16) & 1) == 1;
    return Optional.of(new TraceContext(m.group(2), m.group(3), Optional.empty(), sampled));
  }

  /** The {@code traceparent} value that names this service's span, for the response or a callee. */
  public String traceparent() {
    return "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
  }

  private static String newSpanId(RandomGenerator random) {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return HEX.toHexDigits(id);
  }

  private static boolean allZero(String hex) {
    return hex.chars().allMatch(c -> c == '0');
  }
}
