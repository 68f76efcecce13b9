package org.interviewtasks.senior.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface, for servers that must be told their port. */
public final class FreePorts {

  /** The only address the local servers listen on (the IPv4 loopback). */
  public static final String LOOPBACK = "127.0.0.1";

  private FreePorts() {}

  /** 127.0.0.1 as an address, with no name lookup. */
  public static InetAddress loopbackAddress() {
    try {
      return InetAddress.getByAddress(LOOPBACK, new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError("a 4-byte address is always valid", e);
    }
  }

  /**
   * A port that was free on 127.0.0.1 a moment ago: the OS picks it, the probe socket is closed at
   * once. Another process may take it before the server binds it, so a server that fails to bind
   * should be started again on a new port.
   *
   * @throws UncheckedIOException if no socket can be opened
   */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, loopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + LOOPBACK, e);
    }
  }
}
