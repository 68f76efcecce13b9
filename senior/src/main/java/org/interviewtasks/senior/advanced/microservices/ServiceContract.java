package org.interviewtasks.senior.advanced.microservices;

import com.google.protobuf.DescriptorProtos.MethodOptions.IdempotencyLevel;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's contract, shared by its servers and its clients: the gRPC service generated from the
 * {@code .proto} file (methods, messages, and each method's idempotency level, read from the
 * proto's {@code idempotency_level} option), plus the HTTP route of each method, so the same
 * service is reachable over gRPC and as JSON over HTTP.
 *
 * <p>Only unary methods are supported (a request and a response), and every method must have a
 * route; a route's variables must be string, integer or boolean fields of the request message. All
 * of it is checked when the contract is built, not on the first call.
 */
public final class ServiceContract {

  private final ServiceDescriptor descriptor;
  private final Map<String, HttpRoute> routes;

  private ServiceContract(ServiceDescriptor descriptor, Map<String, HttpRoute> routes) {
    this.descriptor = descriptor;
    this.routes = Map.copyOf(routes);
  }

  /**
   * Starts a contract for a generated service, e.g. {@code InventoryGrpc.getServiceDescriptor()}.
   */
  public static Builder builder(ServiceDescriptor descriptor) {
    return new Builder(Objects.requireNonNull(descriptor, "descriptor"));
  }

  /** The gRPC service. */
  public ServiceDescriptor descriptor() {
    return descriptor;
  }

  /** The service's full name, e.g. {@code interviewtasks.shop.v1.Inventory}. */
  public String name() {
    return descriptor.getName();
  }

  /** The methods, in the order of the {@code .proto} file. */
  public Collection<MethodDescriptor<?, ?>> methods() {
    return descriptor.getMethods();
  }

  /**
   * The HTTP route of a method of this service.
   *
   * @throws IllegalArgumentException if the method is not one of this service's
   */
  public HttpRoute route(MethodDescriptor<?, ?> method) {
    Objects.requireNonNull(method, "method");
    HttpRoute route = routes.get(method.getFullMethodName());
    if (route == null) {
      throw new IllegalArgumentException(
          method.getFullMethodName() + " is not a method of " + name());
    }
    return route;
  }

  /** Whether this contract has the method. */
  public boolean has(MethodDescriptor<?, ?> method) {
    return routes.containsKey(method.getFullMethodName());
  }

  /**
   * Whether a method may be called again without harm: its proto declares {@code idempotency_level
   * = NO_SIDE_EFFECTS} or {@code IDEMPOTENT} (or the descriptor is marked safe or idempotent).
   * Nothing declared means not idempotent: the safe default for a retry.
   */
  public static boolean idempotent(MethodDescriptor<?, ?> method) {
    Objects.requireNonNull(method, "method");
    if (method.isSafe() || method.isIdempotent()) {
      return true;
    }
    return protoMethod(method)
        .map(m -> m.getOptions().getIdempotencyLevel() != IdempotencyLevel.IDEMPOTENCY_UNKNOWN)
        .orElse(false);
  }

  /** The protobuf prototype of a method's request (its default instance). */
  static Message requestPrototype(MethodDescriptor<?, ?> method) {
    return prototype(method.getRequestMarshaller(), method, "request");
  }

  /** The protobuf prototype of a method's response. */
  static Message responsePrototype(MethodDescriptor<?, ?> method) {
    return prototype(method.getResponseMarshaller(), method, "response");
  }

  private static Message prototype(
      MethodDescriptor.Marshaller<?> marshaller, MethodDescriptor<?, ?> method, String what) {
    if (marshaller instanceof MethodDescriptor.PrototypeMarshaller<?> p
        && p.getMessagePrototype() instanceof Message message) {
      return message;
    }
    throw new IllegalArgumentException(
        method.getFullMethodName() + ": the " + what + " is not a protobuf message");
  }

  private static Optional<Descriptors.MethodDescriptor> protoMethod(MethodDescriptor<?, ?> method) {
    return method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier
        ? Optional.of(supplier.getMethodDescriptor())
        : Optional.empty();
  }

  @Override
  public String toString() {
    return "ServiceContract[" + name() + ", " + routes.size() + " routes]";
  }

  /** Builds a {@link ServiceContract}. */
  public static final class Builder {
    private final ServiceDescriptor descriptor;
    private final Map<String, HttpRoute> routes = new LinkedHashMap<>();

    private Builder(ServiceDescriptor descriptor) {
      this.descriptor = descriptor;
    }

    /**
     * Places a method on the REST side.
     *
     * @throws IllegalArgumentException if the method is not this service's, is not unary, is routed
     *     twice, or the route names a field the request lacks or cannot take from a path
     */
    public Builder route(MethodDescriptor<?, ?> method, HttpRoute route) {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(route, "route");
      if (!descriptor.getMethods().contains(method)) {
        throw new IllegalArgumentException(
            method.getFullMethodName() + " is not a method of " + descriptor.getName());
      }
      if (method.getType() != MethodDescriptor.MethodType.UNARY) {
        throw new IllegalArgumentException(
            method.getFullMethodName() + " is " + method.getType() + "; only UNARY is supported");
      }
      if (routes.containsKey(method.getFullMethodName())) {
        throw new IllegalArgumentException(method.getFullMethodName() + " is routed twice");
      }
      Descriptors.Descriptor request = requestPrototype(method).getDescriptorForType();
      for (String variable : route.variables()) {
        FieldDescriptor field = request.findFieldByName(variable);
        if (field == null || !scalar(field)) {
          throw new IllegalArgumentException(
              route
                  + ": {"
                  + variable
                  + "} is not a string, integer or boolean field of "
                  + request.getFullName());
        }
      }
      for (HttpRoute other : routes.values()) {
        if (other.method().equals(route.method()) && other.template().equals(route.template())) {
          throw new IllegalArgumentException(route + " is taken");
        }
      }
      responsePrototype(method);
      routes.put(method.getFullMethodName(), route);
      return this;
    }

    /**
     * The contract.
     *
     * @throws IllegalStateException if a method has no route
     */
    public ServiceContract build() {
      List<String> missing =
          descriptor.getMethods().stream()
              .map(MethodDescriptor::getFullMethodName)
              .filter(name -> !routes.containsKey(name))
              .toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException("methods with no HTTP route: " + missing);
      }
      return new ServiceContract(descriptor, routes);
    }
  }

  /** Whether a field can be read from a path segment or a query parameter. */
  static boolean scalar(FieldDescriptor field) {
    if (field.isRepeated() || field.isMapField()) {
      return false;
    }
    return switch (field.getJavaType()) {
      case STRING, INT, LONG, BOOLEAN -> true;
      default -> false;
    };
  }
}
