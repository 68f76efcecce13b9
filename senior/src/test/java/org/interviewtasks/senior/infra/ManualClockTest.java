package org.interviewtasks.senior.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ManualClockTest {

  @Test
  void movesOnlyWhenAdvancedOrSlept() {
    ManualClock clock = new ManualClock(Instant.EPOCH);
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    assertThat(clock.millis()).isZero();
    clock.advance(Duration.ofSeconds(3));
    clock.sleep(Duration.ofMillis(250));
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusMillis(3_250));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(ZoneOffset.ofHours(2)).instant()).isEqualTo(clock.instant());
    assertThat(clock).hasToString("ManualClock[1970-01-01T00:00:03.250Z]");
  }

  @Test
  void neverGoesBack() {
    ManualClock clock = new ManualClock();
    assertThatThrownBy(() -> clock.advance(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-0.000000001S");
    assertThatThrownBy(() -> clock.advance(null)).isInstanceOf(NullPointerException.class);
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
  }
}
