package org.interviewtasks.senior.operations.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceContextTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void parsesAValidHeader() {
    TraceContext parent = TraceContext.parse("00-" + TRACE + "-" + SPAN + "-01").orElseThrow();

    assertThat(parent.traceId()).isEqualTo(TRACE);
    assertThat(parent.spanId()).isEqualTo(SPAN);
    assertThat(parent.sampled()).isTrue();
    assertThat(TraceContext.parse(" 00-" + TRACE + "-" + SPAN + "-00 ").orElseThrow().sampled())
        .isFalse();
  }

  @Test
  void aLaterVersionMayAppendFields() {
    assertThat(TraceContext.parse("01-" + TRACE + "-" + SPAN + "-03-more")).isPresent();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "garbage"
      })
  void malformedHeadersAreIgnored(String header) {
    assertThat(TraceContext.parse(header)).isEmpty();
    TraceContext started = TraceContext.continueOrStart(header, new SplittableRandom(1));
    assertThat(started.parentSpanId()).isEmpty();
    assertThat(started.traceId()).isNotEqualTo(TRACE);
  }

  @Test
  void continuingKeepsTheTraceAndOpensAChildSpan() {
    TraceContext child =
        TraceContext.continueOrStart("00-" + TRACE + "-" + SPAN + "-00", new SplittableRandom(1));

    assertThat(child.traceId()).isEqualTo(TRACE);
    assertThat(child.parentSpanId()).hasValue(SPAN);
    assertThat(child.spanId()).matches("[0-9a-f]{16}").isNotEqualTo(SPAN);
    assertThat(child.sampled()).isFalse();
    assertThat(child.traceparent()).isEqualTo("00-" + TRACE + "-" + child.spanId() + "-00");
  }

  @Test
  void aNewTraceIsSampledAndWellFormed() {
    TraceContext root = TraceContext.start(new SplittableRandom(3));

    assertThat(root.traceId()).matches("[0-9a-f]{32}");
    assertThat(root.parentSpanId()).isEmpty();
    assertThat(TraceContext.parse(root.traceparent()))
        .hasValueSatisfying(
            parsed -> {
              assertThat(parsed.traceId()).isEqualTo(root.traceId());
              assertThat(parsed.spanId()).isEqualTo(root.spanId());
              assertThat(parsed.sampled()).isTrue();
            });
  }

  @Test
  void constructorChecksTheIds() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TraceContext("abc", SPAN, Optional.empty(), true))
        .withMessage("trace id must be 32 hex digits, not all 0: abc");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TraceContext(TRACE, "0000000000000000", Optional.empty(), true))
        .withMessage("span id must be 16 hex digits, not all 0: 0000000000000000");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TraceContext(TRACE, SPAN, Optional.of("xyz"), true))
        .withMessage("parent span id must be 16 hex digits, not all 0: xyz");
  }
}
