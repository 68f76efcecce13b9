package org.interviewtasks.senior.advanced.microservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCodeTest {

  @Test
  void coversEveryGrpcErrorCodeOnce() {
    EnumSet<Status.Code> codes = EnumSet.allOf(Status.Code.class);
    codes.remove(Status.Code.OK);
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::grpc))
        .containsExactlyInAnyOrderElementsOf(codes);
    for (Status.Code code : codes) {
      assertThat(ErrorCode.fromGrpc(code).grpc()).isEqualTo(code);
      assertThat(ErrorCode.fromGrpc(code).name()).isEqualTo(code.name());
    }
    assertThatThrownBy(() -> ErrorCode.fromGrpc(Status.Code.OK)).hasMessage("not an error: OK");
    assertThatThrownBy(() -> ErrorCode.fromGrpc(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void mapsToTheCanonicalHttpStatuses() {
    assertThat(ErrorCode.INVALID_ARGUMENT.httpStatus()).isEqualTo(400);
    assertThat(ErrorCode.FAILED_PRECONDITION.httpStatus()).isEqualTo(400);
    assertThat(ErrorCode.UNAUTHENTICATED.httpStatus()).isEqualTo(401);
    assertThat(ErrorCode.PERMISSION_DENIED.httpStatus()).isEqualTo(403);
    assertThat(ErrorCode.NOT_FOUND.httpStatus()).isEqualTo(404);
    assertThat(ErrorCode.ALREADY_EXISTS.httpStatus()).isEqualTo(409);
    assertThat(ErrorCode.RESOURCE_EXHAUSTED.httpStatus()).isEqualTo(429);
    assertThat(ErrorCode.CANCELLED.httpStatus()).isEqualTo(499);
    assertThat(ErrorCode.INTERNAL.httpStatus()).isEqualTo(500);
    assertThat(ErrorCode.UNIMPLEMENTED.httpStatus()).isEqualTo(501);
    assertThat(ErrorCode.UNAVAILABLE.httpStatus()).isEqualTo(503);
    assertThat(ErrorCode.DEADLINE_EXCEEDED.httpStatus()).isEqualTo(504);
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void theHttpFallbackReadsBackEveryStatusThatStandsForOneCode(ErrorCode code) {
    long sharing =
        Arrays.stream(ErrorCode.values()).filter(c -> c.httpStatus() == code.httpStatus()).count();
    ErrorCode back = ErrorCode.fromHttpStatus(code.httpStatus());
    assertThat(back.httpStatus()).isEqualTo(code.httpStatus());
    if (sharing == 1) {
      assertThat(back).isEqualTo(code);
    }
  }

  @Test
  void theHttpFallbackGuessesTheRest() {
    assertThat(ErrorCode.fromHttpStatus(502)).isEqualTo(ErrorCode.UNAVAILABLE);
    assertThat(ErrorCode.fromHttpStatus(405)).isEqualTo(ErrorCode.UNIMPLEMENTED);
    assertThat(ErrorCode.fromHttpStatus(418)).isEqualTo(ErrorCode.FAILED_PRECONDITION);
    assertThat(ErrorCode.fromHttpStatus(599)).isEqualTo(ErrorCode.UNKNOWN);
    assertThatThrownBy(() -> ErrorCode.fromHttpStatus(399))
        .hasMessage("not an HTTP error status (400..599): 399");
    assertThatThrownBy(() -> ErrorCode.fromHttpStatus(600))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyTransientCodesAreRetriedAndOnlyServerFaultsTripTheBreaker() {
    assertThat(Arrays.stream(ErrorCode.values()).filter(ErrorCode::retryable))
        .containsExactlyInAnyOrder(ErrorCode.UNAVAILABLE, ErrorCode.ABORTED);
    assertThat(Arrays.stream(ErrorCode.values()).filter(c -> c.blame() == ErrorCode.Blame.SERVER))
        .containsExactlyInAnyOrder(
            ErrorCode.UNKNOWN,
            ErrorCode.DEADLINE_EXCEEDED,
            ErrorCode.RESOURCE_EXHAUSTED,
            ErrorCode.INTERNAL,
            ErrorCode.UNAVAILABLE,
            ErrorCode.DATA_LOSS);
    assertThat(ErrorCode.CANCELLED.blame()).isEqualTo(ErrorCode.Blame.NONE);
  }

  @Test
  void serviceExceptionsRoundTripThroughAGrpcStatus() {
    ServiceException e = ServiceException.of(ErrorCode.NOT_FOUND, "no item thé 🍵");
    ServiceException back = ServiceException.fromStatus(e.toStatusException().getStatus());
    assertThat(back.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(back.getMessage()).isEqualTo("no item thé 🍵");
    assertThat(ServiceException.fromStatus(Status.UNAVAILABLE).getMessage())
        .isEqualTo("UNAVAILABLE");
    assertThatThrownBy(() -> ServiceException.fromStatus(Status.OK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceException.of(null, "x"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ServiceException.of(ErrorCode.INTERNAL, null))
        .isInstanceOf(NullPointerException.class);
    assertThat(ServiceException.unavailable("down").code()).isEqualTo(ErrorCode.UNAVAILABLE);
  }

  @Test
  void longMessagesAreCutWithoutSplittingACharacter() {
    String text = "a".repeat(ServiceException.MAX_MESSAGE - 1) + "🍵" + "tail";
    String kept = ServiceException.invalidArgument(text).getMessage();
    assertThat(kept).isEqualTo("a".repeat(ServiceException.MAX_MESSAGE - 1) + "…");
    assertThat(ServiceException.invalidArgument("short").getMessage()).isEqualTo("short");
  }
}
