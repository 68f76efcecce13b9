package org.interviewtasks.senior.infra;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.containers.wait.strategy.WaitAllStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/** Testcontainers helpers shared by the extensions' container side. */
final class Containerized {

  /** How long a container may take to answer, start or restart. */
  static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

  private Containerized() {}

  /**
   * Publishes {@code containerPort} on 127.0.0.1:{@code hostPort}, so that the endpoint survives a
   * stop and start of the container (Testcontainers would pick a new random port each time).
   *
   * <p>The container then exposes that port alone: an image may declare more (RabbitMQ's declares
   * four), and Testcontainers waits until every exposed port has a binding, which the others never
   * get once the bindings are replaced by this one.
   */
  static void bindFixedPort(GenericContainer<?> container, int containerPort, int hostPort) {
    container.setExposedPorts(List.of(containerPort));
    container.withCreateContainerCmdModifier(
        cmd ->
            cmd.getHostConfig()
                .withPortBindings(
                    new PortBinding(
                        Ports.Binding.bindIpAndPort(FreePorts.LOOPBACK, hostPort),
                        new ExposedPort(containerPort))));
  }

  /**
   * Waits until the server answers {@code probe} on 127.0.0.1:{@code hostPort}, where {@link
   * #bindFixedPort} published it, and not where Testcontainers would look by itself ({@code
   * getHost()}: inside a container that is the bridge's gateway, which a loopback binding does not
   * serve). A bare TCP connect proves nothing here: Docker's proxy accepts on the host port before
   * the server in the container listens.
   */
  static WaitStrategy answersOnLoopback(int hostPort, Probe probe) {
    return new LoopbackWait(hostPort, probe, STARTUP_TIMEOUT);
  }

  /** The log line {@code regex} seen {@code times} times, then {@code probe} on the loopback. */
  static WaitStrategy loggedAndAnswering(String regex, int times, int hostPort, Probe probe) {
    return new WaitAllStrategy(WaitAllStrategy.Mode.WITH_MAXIMUM_OUTER_TIMEOUT)
        .withStrategy(Wait.forLogMessage(regex, times))
        .withStrategy(answersOnLoopback(hostPort, probe))
        .withStartupTimeout(STARTUP_TIMEOUT);
  }

  /** A first exchange that only a listening server of the right protocol completes. */
  @FunctionalInterface
  interface Probe {
    /** Whether the server answered on this connection (reads are bounded by a timeout). */
    boolean answers(InputStream in, OutputStream out) throws IOException;

    /** {@code PING}, answered {@code +PONG}. */
    Probe REDIS =
        (in, out) -> {
          out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
        };

    /** The AMQP 0-9-1 protocol header, answered by a method frame (Connection.Start). */
    Probe AMQP =
        (in, out) -> {
          out.write(new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1});
          out.flush();
          return in.read() == 1;
        };

    /**
     * A Kafka ApiVersions request (v0, every broker reads it), answered with its correlation id.
     */
    Probe KAFKA =
        (in, out) -> {
          int correlationId = 0x1d5;
          ByteBuffer request = ByteBuffer.allocate(14);
          request.putInt(10).putShort((short) 18).putShort((short) 0).putInt(correlationId);
          request.putShort((short) -1); // no client id
          out.write(request.array());
          out.flush();
          DataInputStream data = new DataInputStream(in);
          int size = data.readInt();
          return size >= 4 && data.readInt() == correlationId;
        };
  }

  /** Polls a {@link Probe} on 127.0.0.1 until it answers or the timeout is up. */
  private static final class LoopbackWait implements WaitStrategy {
    private final int hostPort;
    private final Probe probe;
    private Duration timeout;

    LoopbackWait(int hostPort, Probe probe, Duration timeout) {
      this.hostPort = hostPort;
      this.probe = Objects.requireNonNull(probe, "probe");
      this.timeout = timeout;
    }

    @Override
    public void waitUntilReady(WaitStrategyTarget target) {
      AtomicReference<Exception> last = new AtomicReference<>();
      try {
        await("server on " + FreePorts.LOOPBACK + ":" + hostPort)
            .atMost(timeout)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  if (!target.isRunning()) {
                    throw new ContainerLaunchException(
                        "the container stopped while starting; its log:\n" + target.getLogs());
                  }
                  return answers(last);
                });
      } catch (ConditionTimeoutException e) {
        throw new ContainerLaunchException(
            "nothing answered on "
                + FreePorts.LOOPBACK
                + ":"
                + hostPort
                + " within "
                + timeout
                + (last.get() == null ? "" : " (last: " + last.get() + ")"),
            e);
      }
    }

    private boolean answers(AtomicReference<Exception> last) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(FreePorts.loopbackAddress(), hostPort), 1_000);
        socket.setSoTimeout(1_000);
        return probe.answers(socket.getInputStream(), socket.getOutputStream());
      } catch (IOException e) {
        last.set(e);
        return false;
      }
    }

    @Override
    public WaitStrategy withStartupTimeout(Duration startupTimeout) {
      this.timeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
      return this;
    }
  }
}
