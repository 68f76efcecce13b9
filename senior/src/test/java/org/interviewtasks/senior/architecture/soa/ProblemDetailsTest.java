package org.interviewtasks.senior.architecture.soa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemDetailsTest {

  @Test
  void aProblemHasTheFourStandardMembersInOrder() throws Exception {
    String json = new ObjectMapper().writeValueAsString(ProblemDetails.of(404, "no order 7"));

    assertThat(json)
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"no order 7\"}");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "400, Bad Request",
    "413, Content Too Large",
    "418, Client Error",
    "429, Too Many Requests",
    "499, Client Error",
    "500, Internal Server Error",
    "503, Service Unavailable",
    "504, Gateway Timeout",
    "599, Server Error"
  })
  void theTitleIsTheReasonPhraseOrTheStatusClass(int status, String title) {
    assertThat(ProblemDetails.title(status)).isEqualTo(title);
    assertThat(ProblemDetails.of(status, "x").get("title").asText()).isEqualTo(title);
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 200, 399, 600, Integer.MAX_VALUE})
  void onlyErrorStatusesAreProblems(int status) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProblemDetails.of(status, "x"))
        .withMessage("status must be 400..599: " + status);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ProblemDetails.requireErrorStatus(status));
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {400, 599})
  void theBoundsAreErrors(int status) {
    assertThat(ProblemDetails.requireErrorStatus(status)).isEqualTo(status);
  }

  @Test
  void aDetailIsRequired() {
    assertThatNullPointerException()
        .isThrownBy(() -> ProblemDetails.of(500, null))
        .withMessage("detail");
  }
}
