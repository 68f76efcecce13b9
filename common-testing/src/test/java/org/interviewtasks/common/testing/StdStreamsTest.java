package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class StdStreamsTest {

  @Test
  void capturesBothStreamsAsUtf8AndRestoresThem() throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;

    var captured =
        StdStreams.capture(
            () -> {
              System.out.print("noël 😀");
              System.err.print("oops");
            });

    assertThat(captured.out()).isEqualTo("noël 😀");
    assertThat(captured.err()).isEqualTo("oops");
    assertThat(System.out).isSameAs(out);
    assertThat(System.err).isSameAs(err);
  }

  @Test
  void restoresTheStreamsWhenTheActionThrows() {
    PrintStream out = System.out;

    assertThatThrownBy(
            () ->
                StdStreams.capture(
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom");
    assertThat(System.out).isSameAs(out);
  }
}
