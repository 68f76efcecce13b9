package org.interviewtasks.senior.advanced.microservices;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a service served by {@link RestServer}: the method's {@link HttpRoute} (from the contract)
 * gives the URL, the request's fields fill the path (and the query of a {@code GET}) or travel as
 * the JSON body, the attempt's timeout is both the JDK {@code HttpClient}'s request timeout and the
 * {@value RestServer#TIMEOUT_HEADER} header. An error answer becomes the {@link ServiceException}
 * its problem-details {@code code} names, or, without one, the code {@link
 * ErrorCode#fromHttpStatus} guesses.
 */
public final class RestTransport implements Transport {

  private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);

  private final URI base;
  private final Map<String, ServiceContract> contracts = new HashMap<>();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient client;

  /**
   * A transport to {@code base} (e.g. {@code http://127.0.0.1:8080}) for these contracts.
   *
   * @throws IllegalArgumentException if {@code base} is not an absolute http URI without a path, or
   *     no contract is given
   */
  public RestTransport(URI base, List<ServiceContract> contracts) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(contracts, "contracts");
    if (!"http".equals(base.getScheme())
        || base.getHost() == null
        || (base.getRawPath() != null && !base.getRawPath().isEmpty())
        || base.getRawQuery() != null) {
      throw new IllegalArgumentException("base must be http://host[:port] with no path: " + base);
    }
    if (contracts.isEmpty()) {
      throw new IllegalArgumentException("no contract");
    }
    for (ServiceContract contract : contracts) {
      this.contracts.put(contract.name(), contract);
    }
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public <Req, Resp> Resp call(MethodDescriptor<Req, Resp> method, Req request, Duration timeout) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    Timeouts.positiveNanos(timeout);
    ServiceContract contract = contracts.get(method.getServiceName());
    if (contract == null) {
      throw new IllegalArgumentException("no contract for " + method.getFullMethodName());
    }
    if (!(request instanceof Message message)) {
      throw new IllegalArgumentException("not a protobuf message: " + request.getClass());
    }
    HttpRoute route = contract.route(method);
    HttpRequest http = httpRequest(route, message, timeout);
    HttpResponse<String> response;
    try {
      response = client.send(http, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw ServiceException.of(
          ErrorCode.DEADLINE_EXCEEDED, "no answer from " + route + " within " + timeout, e);
    } catch (ConnectException e) {
      throw ServiceException.of(ErrorCode.UNAVAILABLE, "cannot connect to " + base, e);
    } catch (IOException e) {
      throw ServiceException.of(ErrorCode.UNAVAILABLE, "I/O error calling " + route + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceException.of(ErrorCode.CANCELLED, "interrupted", e);
    }
    if (response.statusCode() == 200) {
      return parse(method, response.body());
    }
    throw error(response);
  }

  private HttpRequest httpRequest(HttpRoute route, Message message, Duration timeout) {
    Map<String, String> variables = new HashMap<>();
    for (String name : route.variables()) {
      FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
      variables.put(name, FieldValues.format(message.getField(field)));
    }
    StringBuilder target = new StringBuilder(base.toString()).append(route.expand(variables));
    HttpRequest.BodyPublisher body;
    if (route.hasBody()) {
      body = HttpRequest.BodyPublishers.ofString(print(message), StandardCharsets.UTF_8);
    } else {
      body = HttpRequest.BodyPublishers.noBody();
      StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
      for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
        if (variables.containsKey(field.getKey().getName())) {
          continue;
        }
        if (!ServiceContract.scalar(field.getKey())) {
          throw new IllegalArgumentException(
              route + " cannot send " + field.getKey().getName() + " in a query");
        }
        query.add(
            field.getKey().getJsonName()
                + "="
                + HttpRoute.encode(FieldValues.format(field.getValue())));
      }
      target.append(query);
    }
    long ms = Math.max(1, timeout.toMillis());
    return HttpRequest.newBuilder(URI.create(target.toString()))
        .method(route.method(), body)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header(RestServer.TIMEOUT_HEADER, Long.toString(ms))
        .build();
  }

  private static String print(Message message) {
    try {
      return RestServer.PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException(
          "cannot print " + message.getDescriptorForType().getFullName(), e);
    }
  }

  // The builder comes from the method's own response prototype, so what it builds is a Resp.
  @SuppressWarnings("unchecked")
  private static <Resp> Resp parse(MethodDescriptor<?, Resp> method, String body) {
    Message.Builder builder = ServiceContract.responsePrototype(method).newBuilderForType();
    try {
      // Fields this client does not know yet (a newer server) are skipped, as in binary protobuf.
      RestServer.PARSER.ignoringUnknownFields().merge(body, builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ServiceException.of(
          ErrorCode.INTERNAL, "unreadable answer from " + method.getFullMethodName(), e);
    }
    return (Resp) builder.build();
  }

  private static ServiceException error(HttpResponse<String> response) {
    int status = response.statusCode();
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      try {
        JsonNode problem = RestServer.JSON.readTree(response.body());
        JsonNode code = problem.path("code");
        JsonNode detail = problem.path("detail");
        for (ErrorCode candidate : ErrorCode.values()) {
          if (candidate.name().equals(code.asText())) {
            return ServiceException.of(
                candidate, detail.isTextual() ? detail.asText() : candidate.name());
          }
        }
      } catch (IOException e) {
        LOG.debug("unreadable problem details; reading the status alone: {}", e.toString());
      }
    }
    if (status < 400 || status > 599) {
      return ServiceException.of(ErrorCode.UNKNOWN, "unexpected HTTP status " + status);
    }
    return ServiceException.of(ErrorCode.fromHttpStatus(status), "HTTP " + status);
  }

  @Override
  public void close() {
    client.shutdownNow();
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "RestTransport[" + base + "]";
  }
}
