package org.interviewtasks.senior.infra.nemesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.interviewtasks.senior.infra.Endpoint;
import org.interviewtasks.senior.infra.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy against an echo server on loopback: each fault, and healing it. */
class FaultProxyTest {

  ServerSocket echo;
  ExecutorService threads;
  FaultProxy proxy;

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket(0, 50, FreePorts.loopbackAddress());
    threads = Executors.newVirtualThreadPerTaskExecutor();
    threads.execute(
        () -> {
          while (!echo.isClosed()) {
            try {
              Socket socket = echo.accept();
              threads.execute(() -> echoBack(socket));
            } catch (IOException e) {
              return;
            }
          }
        });
    proxy = FaultProxy.start(Endpoint.loopback(echo.getLocalPort()));
  }

  @AfterEach
  void stop() throws IOException {
    proxy.close();
    echo.close();
    threads.shutdownNow();
  }

  static void echoBack(Socket socket) {
    try (socket) {
      socket.getInputStream().transferTo(socket.getOutputStream());
    } catch (IOException e) {
      // the proxy cut it
    }
  }

  Socket connect() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(FreePorts.loopbackAddress(), proxy.endpoint().port()));
    socket.setSoTimeout(5_000);
    return socket;
  }

  static String roundTrip(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    return read(socket, text.getBytes(StandardCharsets.UTF_8).length);
  }

  static String read(Socket socket, int length) throws IOException {
    byte[] bytes = socket.getInputStream().readNBytes(length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void forwardsBothWaysWhenHealthy() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "héllo 😀")).isEqualTo("héllo 😀");
    }
    assertThat(proxy.bytesForwarded())
        .isEqualTo(2L * "héllo 😀".getBytes(StandardCharsets.UTF_8).length);
    assertThat(proxy.isFaulty()).isFalse();
    assertThat(proxy.target()).isEqualTo(Endpoint.loopback(echo.getLocalPort()));
    assertThat(proxy.toString()).contains("->");
  }

  @Test
  void aBlackholeHoldsBytesUntilHealed() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "before")).isEqualTo("before");
      proxy.blackhole();
      assertThat(proxy.isFaulty()).isTrue();
      socket.getOutputStream().write("held".getBytes(StandardCharsets.UTF_8));
      socket.setSoTimeout(300);
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);

      proxy.heal();

      socket.setSoTimeout(5_000);
      assertThat(read(socket, 4)).isEqualTo("held");
    }
  }

  @Test
  void aCutClosesOpenConnectionsAndRefusesNewOnesUntilHealed() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "x")).isEqualTo("x");
      proxy.cut();
      assertThat(endOrReset(socket)).isTrue();
    }
    try (Socket refused = connect()) {
      assertThat(endOrReset(refused)).isTrue();
    }
    proxy.heal();
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "again")).isEqualTo("again");
    }
    assertThat(proxy.connectionsAccepted()).isEqualTo(3);
  }

  @Test
  void aDelayHoldsEachChunkForItsDuration() throws IOException {
    proxy.delay(Duration.ofMillis(800));
    try (Socket socket = connect()) {
      socket.getOutputStream().write('d');
      socket.setSoTimeout(200); // the delay is 800 ms each way: nothing can be back yet
      assertThatThrownBy(() -> socket.getInputStream().read())
          .isInstanceOf(SocketTimeoutException.class);
      socket.setSoTimeout(10_000);
      assertThat(socket.getInputStream().read()).isEqualTo('d');
    }
  }

  @Test
  void aThrottleLimitsTheRate() throws IOException {
    proxy.throttle(4_000);
    byte[] payload = new byte[4_000];
    try (Socket socket = connect()) {
      long start = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      threads.execute(
          () -> {
            try {
              out.write(payload);
            } catch (IOException e) {
              // the test failed elsewhere
            }
          });
      socket.setSoTimeout(20_000);
      InputStream in = socket.getInputStream();
      assertThat(in.readNBytes(payload.length)).hasSize(payload.length);
      // 4,000 bytes at 4,000 B/s each way cannot take less than about a second
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(900));
    }
  }

  @Test
  void aDownServerLooksLikeAClosedConnection() throws IOException {
    // A port bound but not listening refuses every connection, and nothing else on the machine
    // can take it meanwhile (a closed server's port can be taken, or even self-connected to).
    try (Socket down = new Socket()) {
      down.bind(new InetSocketAddress(FreePorts.loopbackAddress(), 0));
      try (FaultProxy toDown = FaultProxy.start(Endpoint.loopback(down.getLocalPort()));
          Socket socket = new Socket()) {
        socket.connect(
            new InetSocketAddress(FreePorts.loopbackAddress(), toDown.endpoint().port()));
        socket.setSoTimeout(5_000);
        assertThat(endOrReset(socket)).isTrue();
        assertThat(toDown.connectionsAccepted()).isEqualTo(1);
      }
    }
  }

  @Test
  void closeDropsEveryConnection() throws IOException {
    try (Socket socket = connect()) {
      assertThat(roundTrip(socket, "y")).isEqualTo("y");
      proxy.close();
      assertThat(endOrReset(socket)).isTrue();
    }
  }

  @Test
  void rejectsBadFaults() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> proxy.delay(Duration.ofMillis(-1)))
        .withMessage("delay must not be negative: PT-0.001S");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> proxy.throttle(0))
        .withMessage("bytesPerSecond must be positive: 0");
  }

  /** Whether the peer closed or reset the connection (rather than just being slow). */
  static boolean endOrReset(Socket socket) {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
