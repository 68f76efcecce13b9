package org.interviewtasks.junior.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MalformedFileExceptionTest {

  @ParameterizedTest(name = "line {0}, column {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "3; 7; data.json, line 3, column 7: bad",
        "3; -1; data.json, line 3: bad",
        "-1; -1; data.json: bad",
        "1; 1; data.json, line 1, column 1: bad",
        "0; 0; data.json: bad",
        "-1; 4; data.json, column 4: bad"
      })
  void namesTheFileThePlaceAndTheProblem(long line, long column, String message) {
    var cause = new IllegalStateException("parser");
    var e = new MalformedFileException(Path.of("data.json"), line, column, "bad", cause);

    assertThat(e).hasMessage(message).hasCause(cause);
    assertThat(e.file()).isEqualTo(Path.of("data.json"));
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.column()).isEqualTo(column);
  }

  @Test
  void aProblemWithTheWholeFileHasNoPlace() {
    var e = new MalformedFileException(Path.of("x.csv"), "empty", null);

    assertThat(e).hasMessage("x.csv: empty").hasNoCause();
    assertThat(e.line()).isEqualTo(-1);
    assertThat(e.column()).isEqualTo(-1);
  }

  @Test
  void survivesSerialization() throws IOException, ClassNotFoundException {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(new MalformedFileException(Path.of("a/b.csv"), 2, 5, "bad", null));
    }
    try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      var copy = (MalformedFileException) in.readObject();

      assertThat(copy.file()).isEqualTo(Path.of("a/b.csv"));
      assertThat(copy.line()).isEqualTo(2);
      assertThat(copy.column()).isEqualTo(5);
      assertThat(copy).hasMessage("a/b.csv, line 2, column 5: bad");
    }
  }

  @Test
  void rejectsNulls() {
    assertThatNullPointerException()
        .isThrownBy(() -> new MalformedFileException(null, "bad", null))
        .withMessage("file");
    assertThatNullPointerException()
        .isThrownBy(() -> new MalformedFileException(Path.of("a"), null, null))
        .withMessage("problem");
  }
}
