package org.interviewtasks.senior.infra;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.GenericContainer;

/** Testcontainers helpers shared by the extensions' container side. */
final class Containerized {

  private Containerized() {}

  /**
   * Publishes {@code containerPort} on 127.0.0.1:{@code hostPort}, so that the endpoint survives a
   * stop and start of the container (Testcontainers would pick a new random port each time).
   */
  static void bindFixedPort(GenericContainer<?> container, int containerPort, int hostPort) {
    container.addExposedPort(containerPort);
    container.withCreateContainerCmdModifier(
        cmd ->
            cmd.getHostConfig()
                .withPortBindings(
                    new PortBinding(
                        Ports.Binding.bindIpAndPort(FreePorts.LOOPBACK, hostPort),
                        new ExposedPort(containerPort))));
  }
}
