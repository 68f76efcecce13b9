package org.interviewtasks.senior.operations.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finished spans as indented trees, one per trace, the way a trace view draws them: a child under
 * its parent, siblings by start time. A span whose parent is not among the spans (a remote caller,
 * or a parent not exported yet) is drawn as a root.
 */
public final class SpanTree {

  private SpanTree() {}

  /** The attributes drawn: those that tell the story and do not change from run to run. */
  private static final List<AttributeKey<?>> SHOWN =
      List.of(
          Conventions.HTTP_RESPONSE_STATUS_CODE,
          Conventions.RPC_GRPC_STATUS_CODE,
          Conventions.ERROR_TYPE,
          Conventions.APP_TENANT,
          Conventions.APP_RESERVATION_ID);

  private static final Comparator<SpanData> BY_START =
      Comparator.comparingLong(SpanData::getStartEpochNanos)
          .thenComparing(SpanData::getName)
          .thenComparing(SpanData::getSpanId);

  /**
   * Draws {@code spans}: for each trace (by the start of its first span) a header line {@code trace
   * <id>: <n> spans}, then one line per span, {@code service kind name attributes [status]},
   * indented two spaces per level.
   */
  public static String render(Collection<SpanData> spans) {
    Objects.requireNonNull(spans, "spans");
    Map<String, List<SpanData>> traces =
        spans.stream()
            .sorted(BY_START)
            .collect(
                Collectors.groupingBy(
                    SpanData::getTraceId, LinkedHashMap::new, Collectors.toList()));
    StringBuilder out = new StringBuilder();
    traces.forEach(
        (traceId, members) -> {
          out.append("trace ")
              .append(traceId)
              .append(": ")
              .append(members.size())
              .append(members.size() == 1 ? " span" : " spans")
              .append('\n');
          Set<String> ids = members.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
          Map<String, List<SpanData>> children = new HashMap<>();
          List<SpanData> roots = new ArrayList<>();
          for (SpanData span : members) {
            if (ids.contains(span.getParentSpanId())) {
              children.computeIfAbsent(span.getParentSpanId(), k -> new ArrayList<>()).add(span);
            } else {
              roots.add(span);
            }
          }
          int width = members.stream().mapToInt(s -> service(s).length()).max().orElse(0);
          for (SpanData root : roots) {
            draw(out, root, children, 0, width);
          }
        });
    return out.toString();
  }

  private static void draw(
      StringBuilder out,
      SpanData span,
      Map<String, List<SpanData>> children,
      int depth,
      int width) {
    out.append("  ".repeat(depth))
        .append(
            String.format(
                Locale.ROOT,
                "%-" + width + "s %-8s %s",
                service(span),
                span.getKind(),
                span.getName()));
    for (AttributeKey<?> key : SHOWN) {
      Object value = span.getAttributes().get(key);
      if (value != null) {
        out.append(' ').append(key.getKey()).append('=').append(value);
      }
    }
    if (span.getStatus().getStatusCode() == StatusCode.ERROR) {
      out.append(" [ERROR");
      if (!span.getStatus().getDescription().isEmpty()) {
        out.append(": ").append(span.getStatus().getDescription());
      }
      out.append(']');
    }
    out.append('\n');
    for (SpanData child : children.getOrDefault(span.getSpanId(), List.of())) {
      draw(out, child, children, depth + 1, width);
    }
  }

  /** The {@code service.name} of the span's resource. */
  static String service(SpanData span) {
    return Objects.requireNonNullElse(
        span.getResource().getAttribute(Conventions.SERVICE_NAME), "?");
  }
}
