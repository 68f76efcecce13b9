package org.interviewtasks.senior.advanced.microservices;

import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service ready to serve: its {@link ServiceContract} and a handler for each method. The same
 * definition is served by {@link GrpcServer} and {@link RestServer}; handlers never see which.
 */
public final class ServiceDefinition {

  /**
   * The code behind one method. It runs on a virtual thread, inside a gRPC {@code Context} that
   * carries the caller's deadline (over either transport): a call it makes to another service
   * through a {@link ResilientClient} gets what is left of that deadline, and {@code
   * Context.current().isCancelled()} turns true when the caller gives up.
   *
   * @param <Req> the request message
   * @param <Resp> the response message
   */
  @FunctionalInterface
  public interface Handler<Req, Resp> {
    /**
     * Handles one request.
     *
     * @throws ServiceException for an error the caller should see with its code; any other
     *     exception is logged and answered as {@link ErrorCode#INTERNAL} with no details
     */
    Resp handle(Req request);
  }

  /**
   * A method and its handler.
   *
   * @param method the gRPC method
   * @param handler its code
   * @param <Req> the request message
   * @param <Resp> the response message
   */
  public record Binding<Req, Resp>(MethodDescriptor<Req, Resp> method, Handler<Req, Resp> handler) {
    /** Checks the parts. */
    public Binding {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(handler, "handler");
    }
  }

  private final ServiceContract contract;
  private final List<Binding<?, ?>> bindings;

  private ServiceDefinition(ServiceContract contract, List<Binding<?, ?>> bindings) {
    this.contract = contract;
    this.bindings = List.copyOf(bindings);
  }

  /** Starts a definition of a contract's service. */
  public static Builder builder(ServiceContract contract) {
    return new Builder(Objects.requireNonNull(contract, "contract"));
  }

  /** The contract. */
  public ServiceContract contract() {
    return contract;
  }

  /** One binding per method of the contract. */
  public List<Binding<?, ?>> bindings() {
    return bindings;
  }

  /** Builds a {@link ServiceDefinition}. */
  public static final class Builder {
    private final ServiceContract contract;
    private final Map<String, Binding<?, ?>> bindings = new LinkedHashMap<>();

    private Builder(ServiceContract contract) {
      this.contract = contract;
    }

    /**
     * The handler of one method.
     *
     * @throws IllegalArgumentException if the method is not the contract's, or already handled
     */
    public <Req, Resp> Builder unary(
        MethodDescriptor<Req, Resp> method, Handler<Req, Resp> handler) {
      Binding<Req, Resp> binding = new Binding<>(method, handler);
      if (!contract.has(method)) {
        throw new IllegalArgumentException(
            method.getFullMethodName() + " is not a method of " + contract.name());
      }
      if (bindings.putIfAbsent(method.getFullMethodName(), binding) != null) {
        throw new IllegalArgumentException(method.getFullMethodName() + " is handled twice");
      }
      return this;
    }

    /**
     * The definition.
     *
     * @throws IllegalStateException if a method of the contract has no handler
     */
    public ServiceDefinition build() {
      List<String> missing = new ArrayList<>();
      for (MethodDescriptor<?, ?> method : contract.methods()) {
        if (!bindings.containsKey(method.getFullMethodName())) {
          missing.add(method.getFullMethodName());
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("methods with no handler: " + missing);
      }
      return new ServiceDefinition(contract, new ArrayList<>(bindings.values()));
    }
  }
}
