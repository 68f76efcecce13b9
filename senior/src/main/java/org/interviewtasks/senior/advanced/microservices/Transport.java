package org.interviewtasks.senior.advanced.microservices;

import io.grpc.MethodDescriptor;
import java.time.Duration;

/**
 * One attempt of one call to a remote service, over some wire: {@link GrpcTransport} or {@link
 * RestTransport}. No retry, no breaker: {@link ResilientClient} adds those around it.
 */
public interface Transport extends AutoCloseable {

  /**
   * Makes one call.
   *
   * @param method the gRPC method (its contract decides the HTTP route on the REST side)
   * @param request the request message
   * @param timeout the time this attempt may take, positive; the server is told it
   * @return the response message
   * @throws ServiceException with the server's code, or {@code UNAVAILABLE} when the server cannot
   *     be reached, {@code DEADLINE_EXCEEDED} when the time ran out, {@code CANCELLED} when the
   *     calling thread was interrupted (its interrupt flag is set again)
   */
  <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request, Duration timeout);

  /** Releases the connection, if this transport owns it. */
  @Override
  void close();
}
