package org.interviewtasks.senior.concurrency.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.interviewtasks.senior.concurrency.messaging.MessageProcessing.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;
import org.zeromq.ZMonitor;

/**
 * The pipeline of {@link MessageProcessing} without a broker: a source PUSHes to workers that PULL,
 * each worker PUSHes its results to a sink that PULLs (ZeroMQ's "parallel pipeline", in pure Java
 * through JeroMQ). Everything is on 127.0.0.1 TCP ports the sockets pick.
 *
 * <p>What it gives up compared with Kafka, and what the tests show: a message sits only in socket
 * buffers, so a worker that stops loses what was queued to it (no durability); once delivered a
 * message is gone (no replay, no offsets); PUSH deals round-robin among connected workers whatever
 * their speed, and a worker that connects later gets nothing of what was already dealt (no group
 * membership, no rebalancing). Back-pressure exists only as the high-water mark: past it {@link
 * #send} blocks, and fails after the send timeout, naming the pipeline, when no worker takes
 * anything. A message the processor rejects reaches the sink marked with the error, as Kafka's
 * dead-letter topic would hold it.
 *
 * <p>{@link #send} may be called by one thread at a time, {@link #receive} by one (another) thread
 * at a time.
 */
public final class ZeroMqPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ZeroMqPipeline.class);
  private static final String LOOPBACK = "tcp://127.0.0.1";
  private static final AtomicInteger PIPELINES = new AtomicInteger();

  /** A message at the sink: its key, the processor's result, the worker, and any error. */
  public static final class Message {
    private final String key;
    private final byte[] value;
    private final int worker;
    private final String error;

    Message(String key, byte[] value, int worker, String error) {
      this.key = key;
      this.value = value;
      this.worker = worker;
      this.error = error;
    }

    /** The key the source gave. */
    public String key() {
      return key;
    }

    /** The processor's result, or the original value if it was rejected (a copy). */
    public byte[] value() {
      return value.clone();
    }

    /** The index of the worker that handled it. */
    public int worker() {
      return worker;
    }

    /** The processor's exception, {@code class: message}, if it rejected the message. */
    public Optional<String> error() {
      return Optional.ofNullable(error);
    }
  }

  private final ZContext context = new ZContext();
  private final ZMQ.Socket source;
  private final ZMQ.Socket sink;
  private final List<WorkerThread> workers = new ArrayList<>();
  private final Object sendLock = new Object();
  private final Object receiveLock = new Object();
  private final String name;
  private final AtomicBoolean closed = new AtomicBoolean();

  private ZeroMqPipeline(
      int workerCount, Processor processor, int highWaterMark, Duration timeout) {
    name = "zeromq-pipeline-" + PIPELINES.incrementAndGet();
    try {
      source = context.createSocket(SocketType.PUSH);
      source.setSndHWM(highWaterMark);
      source.setSendTimeOut((int) timeout.toMillis());
      source.setImmediate(true);
      source.setLinger(0);
      int sourcePort = source.bindToRandomPort(LOOPBACK);
      sink = context.createSocket(SocketType.PULL);
      sink.setRcvHWM(highWaterMark);
      sink.setLinger(0);
      int sinkPort = sink.bindToRandomPort(LOOPBACK);
      ZMQ.Socket sourceMonitor = monitor(source, "source");
      ZMQ.Socket sinkMonitor = monitor(sink, "sink");
      for (int i = 0; i < workerCount; i++) {
        workers.add(new WorkerThread(i, sourcePort, sinkPort, processor, highWaterMark));
      }
      // PUSH deals only to connections whose handshake is done: wait for every worker's.
      awaitHandshakes(sourceMonitor, workerCount, timeout);
      awaitHandshakes(sinkMonitor, workerCount, timeout);
      sourceMonitor.close();
      sinkMonitor.close();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Binds the source and the sink and connects {@code workers} workers, each on a thread of its
   * own.
   *
   * @param workers how many, 1 to 64
   * @param processor what each worker does with a message
   * @param highWaterMark messages a socket queues per peer before sends block, 1 to 1,000,000
   * @param timeout how long {@link #send} blocks on a full pipeline before failing, and how long
   *     the workers may take to connect, 1 ms to 10 min
   * @throws IllegalStateException if the workers do not connect within {@code timeout}
   */
  public static ZeroMqPipeline start(
      int workers, Processor processor, int highWaterMark, Duration timeout) {
    Objects.requireNonNull(processor, "processor");
    Objects.requireNonNull(timeout, "timeout");
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("workers must be 1..64: " + workers);
    }
    if (highWaterMark < 1 || highWaterMark > 1_000_000) {
      throw new IllegalArgumentException("highWaterMark must be 1..1000000: " + highWaterMark);
    }
    if (timeout.compareTo(Duration.ofMillis(1)) < 0
        || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("timeout must be PT0.001S to PT10M: " + timeout);
    }
    return new ZeroMqPipeline(workers, processor, highWaterMark, timeout);
  }

  /**
   * Hands a message to the next worker, blocking while the pipeline is full.
   *
   * @throws IllegalStateException if no worker took it within the timeout (it is not sent), or
   *     after {@link #close()}
   */
  public void send(String key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    synchronized (sendLock) {
      ensureOpen();
      if (!source.sendMore(key.getBytes(StandardCharsets.UTF_8))) {
        throw new IllegalStateException(
            name + ": no worker took the message within the send timeout (nothing holds it)");
      }
      // Once the first frame is queued, ZeroMQ delivers the rest of the message atomically.
      source.send(value, 0);
    }
  }

  /**
   * The next message at the sink.
   *
   * @param timeout how long to wait, 0 to 10 min
   * @return the message, or empty if none came in time
   * @throws IllegalStateException after {@link #close()}
   */
  public Optional<Message> receive(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("timeout must be PT0S to PT10M: " + timeout);
    }
    synchronized (receiveLock) {
      ensureOpen();
      sink.setReceiveTimeOut((int) timeout.toMillis());
      byte[] key = sink.recv(0);
      if (key == null) {
        return Optional.empty();
      }
      byte[] value = sink.recv(0);
      int worker = Integer.parseInt(sink.recvStr(0));
      String error = sink.hasReceiveMore() ? sink.recvStr(0) : null;
      return Optional.of(
          new Message(new String(key, StandardCharsets.UTF_8), value, worker, error));
    }
  }

  /** How many messages each worker has handled so far, by worker index. */
  public List<Long> handledPerWorker() {
    return workers.stream().map(w -> w.handled.sum()).toList();
  }

  /**
   * Stops worker {@code index} after the message in hand: what was queued to it is lost, as in a
   * crash; the source deals the next messages to the others.
   */
  public void stopWorker(int index) {
    Objects.checkIndex(index, workers.size());
    workers.get(index).stop();
  }

  /**
   * Stops the workers and closes every socket; what is in flight is dropped. Idempotent. The
   * context's termination waits for every socket's close to be acknowledged by JeroMQ's own
   * threads; should that ever not come, close gives up after {@link #CLOSE_TIMEOUT} with a warning
   * and leaves those (daemon) threads to the JVM rather than hang its caller.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      workers.forEach(WorkerThread::stop);
      Thread closer = Thread.ofPlatform().daemon().name(name + "-close").start(context::close);
      try {
        if (!closer.join(CLOSE_TIMEOUT)) {
          LOG.warn("{}: the ZeroMQ context did not terminate within {}", name, CLOSE_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The longest {@link #close} waits for the context to terminate. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException(name + " is closed");
    }
  }

  private ZMQ.Socket monitor(ZMQ.Socket socket, String what) {
    String address = "inproc://" + name + "-" + what + "-monitor";
    socket.monitor(address, ZMQ.EVENT_ALL);
    ZMQ.Socket monitor = context.createSocket(SocketType.PAIR);
    monitor.connect(address);
    return monitor;
  }

  private void awaitHandshakes(ZMQ.Socket monitor, int count, Duration timeout) {
    long deadline =
        System.nanoTime() + Math.max(timeout.toNanos(), Duration.ofSeconds(5).toNanos());
    monitor.setReceiveTimeOut(100);
    int seen = 0;
    while (seen < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            name + ": only " + seen + " of " + count + " workers connected in time");
      }
      ZEvent event = ZEvent.recv(monitor);
      if (event != null) {
        LOG.debug("{}: {}", name, event);
        if (event.getEvent() == ZMonitor.Event.HANDSHAKE_PROTOCOL) {
          seen++;
        }
      }
    }
  }

  private final class WorkerThread {
    private final int index;
    private final ZMQ.Socket in;
    private final ZMQ.Socket out;
    private final Processor processor;
    private final byte[] indexBytes;
    private final LongAdder handled = new LongAdder();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService processing = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Future<byte[]> current;
    private final Thread thread;

    WorkerThread(int index, int sourcePort, int sinkPort, Processor processor, int highWaterMark) {
      this.index = index;
      this.processor = processor;
      this.indexBytes = Integer.toString(index).getBytes(StandardCharsets.UTF_8);
      in = context.createSocket(SocketType.PULL);
      in.setRcvHWM(highWaterMark);
      in.setReceiveTimeOut(100);
      in.setLinger(0);
      in.connect(LOOPBACK + ":" + sourcePort);
      out = context.createSocket(SocketType.PUSH);
      out.setSndHWM(highWaterMark);
      out.setSendTimeOut(100);
      out.setLinger(0);
      out.connect(LOOPBACK + ":" + sinkPort);
      thread = Thread.ofPlatform().name(name + "-worker-" + index).daemon().start(this::run);
    }

    private void run() {
      try {
        while (!stopping.get()) {
          byte[] key = in.recv(0);
          if (key == null) {
            continue;
          }
          byte[] value = in.recv(0);
          String text = new String(key, StandardCharsets.UTF_8);
          Future<byte[]> task = processing.submit(() -> processor.process(text, value));
          current = task;
          String error = null;
          byte[] result;
          try {
            result = task.get();
            if (result == null) {
              error = NullPointerException.class.getName() + ": the processor returned null";
              result = value;
            }
          } catch (CancellationException e) {
            return; // stopped while the processor was busy
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedException) {
              return;
            }
            error = cause.getClass().getName() + ": " + cause.getMessage();
            result = value;
          } finally {
            current = null;
          }
          if (!sendAll(key, result, error)) {
            return;
          }
          handled.increment();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (org.zeromq.ZMQException e) {
        // The context was closed under the worker: the pipeline is shutting down.
        LOG.debug("{} worker {} stopped: {}", name, index, e.toString());
      } finally {
        processing.shutdownNow();
        in.close();
        out.close();
      }
    }

    /**
     * Sends the result's frames, each send bounded by the socket's timeout so that a full sink
     * never keeps a stopping worker; false if the worker stopped before the message was out.
     */
    private boolean sendAll(byte[] key, byte[] result, String error) {
      List<byte[]> frames = new ArrayList<>(List.of(key, result, indexBytes));
      if (error != null) {
        frames.add(error.getBytes(StandardCharsets.UTF_8));
      }
      for (int f = 0; f < frames.size(); f++) {
        boolean more = f < frames.size() - 1;
        while (!(more ? out.sendMore(frames.get(f)) : out.send(frames.get(f), 0))) {
          if (stopping.get()) {
            return false;
          }
        }
      }
      return true;
    }

    /**
     * Stops after the message in hand; a processor still busy after a second is interrupted. Only
     * the processor's thread is ever interrupted, never the worker's own: a thread interrupted
     * inside a ZeroMQ call closes the NIO channel its socket signals on, and the context can then
     * never terminate.
     */
    void stop() {
      stopping.set(true);
      if (Thread.currentThread() != thread) {
        try {
          if (!thread.join(Duration.ofSeconds(1))) {
            Future<byte[]> busy = current;
            if (busy != null) {
              busy.cancel(true);
            }
            thread.join();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
