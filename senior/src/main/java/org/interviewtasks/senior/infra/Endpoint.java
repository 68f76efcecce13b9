package org.interviewtasks.senior.infra;

import java.util.Objects;

/**
 * Where a server listens: a host and a TCP port.
 *
 * @param host a host name or address
 * @param port 1 to 65535
 */
public record Endpoint(String host, int port) {

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the port is out of range or the host is blank
   */
  public Endpoint {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is blank");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be 1..65535: " + port);
    }
  }

  /** An endpoint on the loopback address 127.0.0.1. */
  public static Endpoint loopback(int port) {
    return new Endpoint(FreePorts.LOOPBACK, port);
  }

  /** {@code host:port}. */
  @Override
  public String toString() {
    return host + ":" + port;
  }
}
