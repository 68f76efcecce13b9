package org.interviewtasks.senior.concurrency.loadbalancer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The worker program that {@link WorkerProcess} runs in a child JVM: an HTTP server on 127.0.0.1
 * that does simulated work. Usage: {@code Worker <name> <port>} (port 0 picks a free one). Once it
 * listens it prints one line, {@code LISTENING <port>}, on standard output; it exits when its
 * standard input closes, so a worker never outlives the JVM that started it, even one that was
 * killed.
 *
 * <ul>
 *   <li>{@code GET /health}: 200 and the worker's name; what the balancer's active probe asks.
 *   <li>{@code <any method> /work?id=X&ms=N}: sleeps N ms (plus the injected latency), prints
 *       {@code APPLIED <method> <id>} on standard output (its journal: the work is done), then
 *       answers 200 with {@code <name> <method> <id> <body bytes>}.
 *   <li>{@code POST /admin/latency?ms=N}: adds N ms to every {@code /work} request (a degraded
 *       node; 0 resets). {@code POST /admin/fail?status=S}: {@code /work} answers S (e.g. 503)
 *       while {@code /health} stays 200 (0 resets). Fault injection for the tests and the demo.
 * </ul>
 */
public final class Worker {

  /** The line a worker prints once it listens, followed by its port. */
  public static final String READY = "LISTENING ";

  /** The start of the journal line a worker prints for each {@code /work} request it applied. */
  public static final String APPLIED = "APPLIED ";

  /** The longest simulated work a request may ask for, in milliseconds. */
  public static final long MAX_WORK_MS = 600_000;

  private final String name;
  private volatile long extraLatencyMs;
  private volatile int failStatus;

  private Worker(String name) {
    this.name = name;
  }

  /**
   * Starts a worker.
   *
   * @param args {@code <name> <port>}
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: Worker <name> <port>");
    }
    int port = Integer.parseInt(args[1]);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    Worker worker = new Worker(args[0]);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/health", exchange -> worker.reply(exchange, 200, worker.name));
    server.createContext("/work", worker::work);
    server.createContext("/admin/", worker::admin);
    server.start();
    PrintStream out = System.out;
    out.println(READY + server.getAddress().getPort());
    out.flush();
    // The parent holds our standard input open; end of input means it is gone.
    try (InputStream in = System.in) {
      while (in.read() >= 0) {
        // nothing is expected on standard input; wait for its end
      }
    }
    server.stop(0);
    System.exit(0);
  }

  private void work(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = query(exchange);
      byte[] body = exchange.getRequestBody().readAllBytes();
      int fail = failStatus;
      if (fail != 0) {
        reply(exchange, fail, name + " failing");
        return;
      }
      long ms;
      try {
        ms = Math.min(MAX_WORK_MS, parseLong(query.getOrDefault("ms", "0")));
      } catch (NumberFormatException e) {
        reply(exchange, 400, "bad number: " + e.getMessage());
        return;
      }
      Thread.sleep(ms + extraLatencyMs); // the simulated work
      journal(exchange.getRequestMethod() + " " + query.getOrDefault("id", "-"));
      reply(
          exchange,
          200,
          name
              + " "
              + exchange.getRequestMethod()
              + " "
              + query.getOrDefault("id", "-")
              + " "
              + body.length);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Prints a journal line before the answer, so a worker killed after it still shows it. */
  private static void journal(String entry) {
    PrintStream out = System.out;
    synchronized (out) {
      out.println(APPLIED + entry);
      out.flush();
    }
  }

  private void admin(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> query = query(exchange);
      try {
        switch (exchange.getRequestURI().getPath()) {
          case "/admin/latency" -> extraLatencyMs = parseLong(query.getOrDefault("ms", "0"));
          case "/admin/fail" -> failStatus = Integer.parseInt(query.getOrDefault("status", "0"));
          default -> {
            reply(exchange, 404, "unknown admin path");
            return;
          }
        }
      } catch (NumberFormatException e) {
        reply(exchange, 400, "bad number: " + e.getMessage());
        return;
      }
      reply(exchange, 200, "ok");
    }
  }

  private void reply(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static long parseLong(String text) {
    long value = Long.parseLong(text);
    if (value < 0) {
      throw new NumberFormatException("negative: " + value);
    }
    return value;
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }
}
