package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class OneCharAtATimeTest {

  @Test
  void handsOverOneCharPerReadAndTheWholeTextInTheEnd() throws IOException {
    try (var reader = new OneCharAtATime("a😀")) {
      char[] buffer = new char[8];
      StringBuilder read = new StringBuilder();
      int n;
      while ((n = reader.read(buffer, 0, buffer.length)) != -1) {
        assertThat(n).isEqualTo(1);
        read.append(buffer, 0, n);
      }
      assertThat(read).hasToString("a😀");
    }
  }

  @Test
  void aZeroLengthReadReadsNothing() throws IOException {
    try (var reader = new OneCharAtATime("abc")) {
      assertThat(reader.read(new char[4], 0, 0)).isZero();
      assertThat(reader.read()).isEqualTo('a');
    }
  }
}
