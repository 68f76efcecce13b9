package org.interviewtasks.senior.advanced.singleton;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.interviewtasks.common.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A singleton per machine: of all the JVMs (and all their threads) that ask for it, exactly one
 * process at a time <i>holds the role</i> and has the instance; the others are told who holds it,
 * wait for it, or time out.
 *
 * <p><b>What "the instance" is across processes.</b> Memory is not shared between JVMs, so there is
 * no object that two processes could both reference. What can be unique is a <i>role</i>: the
 * process that holds an OS lock on a lock file is the instance (it runs the scheduler, owns the
 * port, drains the queue); {@link #tryAcquire()} gives it the object the factory made, and gives
 * every other process an empty answer plus {@link #holder()}, the holder's pid and a note (say, its
 * address), which is the handle the others use to talk to it. Within the holding JVM the usual
 * singleton guarantee holds: every thread gets the same object, made once.
 *
 * <p><b>Approach.</b> {@link FileChannel#tryLock()} on a lock file is an exclusive lock that the
 * kernel owns ({@code fcntl} on Linux, {@code LockFileEx} on Windows): it is released when the
 * process dies, however it dies, {@code kill -9} included, so a crashed holder never blocks the
 * next one (no stale-lock heuristics, unlike a pid file created with {@code O_EXCL}). Waiting is a
 * poll of {@code tryLock} every {@link Options#pollInterval()}, through an injected clock and
 * sleeper, so a timeout is exact and testable; a blocking {@code lock()} would wait without a
 * bound. The holder then writes a small side file ({@code <lock>.holder}, replaced atomically)
 * naming its pid, start time and note; readers check that the process still lives, with the same
 * start time (pids are reused), before they believe it.
 *
 * <p><b>The in-process holder, and why it is needed.</b> OS file locks are held by the process, not
 * by a thread or a channel: a second {@code tryLock} on the same file from the same JVM throws
 * {@link OverlappingFileLockException}, and on POSIX closing <i>any</i> descriptor of the file
 * drops every lock the process holds on it. So each JVM keeps a registry from the lock file's real
 * path to the one object that holds it, and only that object ever opens the lock file while it is
 * held: a second {@code ProcessSafeSingleton} for the same file in the same JVM is refused like
 * another process. For the same reason the holder's details live in the side file, never in the
 * lock file (reading it would open and close a descriptor of the lock file, dropping the lock).
 *
 * <p><b>Cost.</b> {@code tryAcquire} by the holder: a lock and a field read. By anyone else: one
 * {@code open} and one {@code fcntl}, microseconds. Waiting costs one such attempt per poll.
 *
 * <p><b>Failure modes.</b> The lock file is never deleted: if it were, a process could lock the old
 * file while another creates and locks a new one with the same name, two holders at once. A folder
 * that cannot hold the file (a path through a regular file, no permission) fails at {@link #of} or
 * at the first attempt with an {@link UncheckedIOException} naming the file and the reason. File
 * locks on network file systems (NFS, SMB) depend on the lock daemon and may not exclude: keep the
 * lock file on a local disk. Pids in the side file mean nothing across PID namespaces (containers
 * sharing a volume), though the lock still excludes there. A holder that hangs without dying keeps
 * the role: the lock proves liveness of the process, not of its work (a lease with a heartbeat, as
 * in ZooKeeper, does; see {@code senior.architecture.4}).
 *
 * <p><b>Follow-up.</b> <i>"Why not a {@code ServerSocket} on a fixed port?"</i> Binding also
 * excludes and also dies with the process, and the port is the handle; but a port is a global
 * namespace shared with every other program, and {@code SO_REUSEADDR} or a foreign process on the
 * port make it ambiguous. <i>"Several machines?"</i> Then the lock must live in a coordinator
 * (ZooKeeper, etcd, a database row with a lease) and fencing tokens protect against a paused
 * holder; a file lock is the single-machine case of the same idea.
 *
 * @param <T> the type of the instance
 */
@Task(id = "senior.advanced.2", title = "Process-safe singleton")
public final class ProcessSafeSingleton<T> {

  /** How often {@link #acquire(Duration)} tries again by default: every 20 ms. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(20);

  /** The longest note a holder may publish, in chars. */
  public static final int MAX_NOTE_LENGTH = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(ProcessSafeSingleton.class);

  /** Lock file (real path) → the object of this JVM that holds or is taking its role. */
  private static final ConcurrentMap<Path, ProcessSafeSingleton<?>> HOLDERS =
      new ConcurrentHashMap<>();

  private static final String PID = "pid";
  private static final String PROCESS_START = "processStart";
  private static final String ACQUIRED_AT = "acquiredAt";
  private static final String NOTE = "note";

  private final Path lockFile;
  private final Path key;
  private final Path holderFile;
  private final Supplier<? extends T> factory;
  private final Options options;
  private final ReentrantLock mutex = new ReentrantLock();
  private Role<T> current; // guarded by mutex

  /** Waits between two attempts to take the role; tests pass one that advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {

    /**
     * Waits for about {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep(Duration)}. */
    static Sleeper system() {
      return Thread::sleep;
    }
  }

  /**
   * How a singleton waits and what its holder publishes.
   *
   * @param pollInterval the pause between two attempts of {@link ProcessSafeSingleton#acquire},
   *     positive
   * @param clock the time source for deadlines and {@link Holder#acquiredAt()}
   * @param sleeper how to pause between attempts
   * @param note what the holder publishes to the others (an address, a version), at most {@value
   *     ProcessSafeSingleton#MAX_NOTE_LENGTH} chars, possibly empty
   */
  public record Options(Duration pollInterval, InstantSource clock, Sleeper sleeper, String note) {

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException if the interval is not positive or the note too long
     */
    public Options {
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(note, "note");
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
      }
      if (note.length() > MAX_NOTE_LENGTH) {
        throw new IllegalArgumentException(
            "note must be at most " + MAX_NOTE_LENGTH + " chars: " + note.length());
      }
    }

    /**
     * Polls every {@link ProcessSafeSingleton#DEFAULT_POLL_INTERVAL} on the system clock, with an
     * empty note.
     */
    public static Options defaults() {
      return new Options(DEFAULT_POLL_INTERVAL, InstantSource.system(), Sleeper.system(), "");
    }

    /** These options with another poll interval. */
    public Options withPollInterval(Duration interval) {
      return new Options(interval, clock, sleeper, note);
    }

    /** These options with another clock and sleeper (simulated time in tests). */
    public Options withTime(InstantSource newClock, Sleeper newSleeper) {
      return new Options(pollInterval, newClock, newSleeper, note);
    }

    /** These options with another note. */
    public Options withNote(String newNote) {
      return new Options(pollInterval, clock, sleeper, newNote);
    }
  }

  /**
   * Who holds the role, as the holder published it.
   *
   * @param pid the holder's process id
   * @param acquiredAt when it took the role, by its clock
   * @param note what it published, e.g. its address
   */
  public record Holder(long pid, Instant acquiredAt, String note) {

    /** Checks the fields. */
    public Holder {
      Objects.requireNonNull(acquiredAt, "acquiredAt");
      Objects.requireNonNull(note, "note");
    }
  }

  /**
   * The role, held by this process: the instance, and {@link #close()} to give the role up.
   *
   * @param <T> the type of the instance
   */
  public static final class Role<T> implements AutoCloseable {

    private final ProcessSafeSingleton<T> owner;
    private final T instance;
    private final Holder holder;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released; // guarded by owner.mutex

    private Role(
        ProcessSafeSingleton<T> owner,
        T instance,
        Holder holder,
        FileChannel channel,
        FileLock lock) {
      this.owner = owner;
      this.instance = instance;
      this.holder = holder;
      this.channel = channel;
      this.lock = lock;
    }

    /**
     * The instance, the same object for every thread of this process while the role is held.
     *
     * @throws IllegalStateException if the role was released
     */
    public T instance() {
      owner.mutex.lock();
      try {
        if (released) {
          throw new IllegalStateException("the role on " + owner.lockFile + " was released");
        }
        return instance;
      } finally {
        owner.mutex.unlock();
      }
    }

    /** What this process published as the holder. */
    public Holder holder() {
      return holder;
    }

    /** Whether this role is still held. */
    public boolean isHeld() {
      owner.mutex.lock();
      try {
        return !released && lock.isValid();
      } finally {
        owner.mutex.unlock();
      }
    }

    /**
     * Gives the role up: closes the instance if it is {@link AutoCloseable} (so that what it owns,
     * a port, say, is free before the next holder starts), removes the side file, then releases the
     * lock. A second call does nothing. A failure to close the instance is logged and the role is
     * released all the same.
     */
    @Override
    public void close() {
      owner.mutex.lock();
      try {
        if (released) {
          return;
        }
        released = true;
        owner.closeQuietly(instance);
        owner.releaseLock(channel, lock, true);
        owner.current = null;
        LOG.info("released the role on {}", owner.lockFile);
      } finally {
        owner.mutex.unlock();
      }
    }
  }

  private ProcessSafeSingleton(Path lockFile, Supplier<? extends T> factory, Options options) {
    this.lockFile = lockFile;
    this.factory = factory;
    this.options = options;
    Path folder = lockFile.getParent();
    try {
      Files.createDirectories(folder);
      this.key = folder.toRealPath().resolve(lockFile.getFileName());
    } catch (IOException e) {
      throw unusable(e);
    }
    if (Files.isDirectory(key)) {
      throw new UncheckedIOException(
          new FileSystemException(
              lockFile.toString(), null, "cannot be the lock file: it is a directory"));
    }
    this.holderFile = lockFile.resolveSibling(lockFile.getFileName() + ".holder");
  }

  /**
   * A singleton whose role is the lock on {@code lockFile}, with {@link Options#defaults()}.
   *
   * @see #of(Path, Supplier, Options)
   */
  public static <T> ProcessSafeSingleton<T> of(Path lockFile, Supplier<? extends T> factory) {
    return of(lockFile, factory, Options.defaults());
  }

  /**
   * A singleton whose role is the lock on {@code lockFile}; its folder is created if missing. Keep
   * the returned object in a {@code static final} field (the in-process holder): it is what every
   * thread of this JVM should use.
   *
   * @param lockFile the lock file, created if missing and never deleted
   * @param factory makes the instance once the role is taken; must not return null
   * @param options polling, time and the note published by the holder
   * @throws UncheckedIOException if the folder cannot be created or the path is a directory, with a
   *     message naming the path and the reason
   */
  public static <T> ProcessSafeSingleton<T> of(
      Path lockFile, Supplier<? extends T> factory, Options options) {
    Objects.requireNonNull(lockFile, "lockFile");
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(options, "options");
    Path absolute = lockFile.toAbsolutePath().normalize();
    if (absolute.getFileName() == null) {
      throw new IllegalArgumentException("lockFile must name a file, not a root: " + lockFile);
    }
    return new ProcessSafeSingleton<>(absolute, factory, options);
  }

  /** The lock file, absolute. */
  public Path lockFile() {
    return lockFile;
  }

  /**
   * Takes the role if it is free, without waiting. If this object holds it already, returns the
   * same role (the same instance) to every caller.
   *
   * @return the role, or empty if another process (or another object of this JVM) holds it
   * @throws UncheckedIOException if the lock file cannot be created or locked, naming it and why
   * @throws IllegalStateException if code of this JVM locked the file without this class
   * @throws NullPointerException if the factory returns null (the role is released again)
   */
  public Optional<Role<T>> tryAcquire() {
    mutex.lock();
    try {
      if (current != null) {
        return Optional.of(current);
      }
      ProcessSafeSingleton<?> other = HOLDERS.putIfAbsent(key, this);
      if (other != null) {
        return Optional.empty();
      }
      FileChannel channel = null;
      FileLock lock = null;
      T instance = null;
      boolean done = false;
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = channel.tryLock();
        if (lock == null) {
          return Optional.empty();
        }
        instance = Objects.requireNonNull(factory.get(), "the factory returned null");
        Holder holder =
            new Holder(ProcessHandle.current().pid(), options.clock().instant(), options.note());
        writeHolderFile(holder);
        current = new Role<>(this, instance, holder, channel, lock);
        done = true;
        LOG.info("took the role on {} as pid {}", lockFile, holder.pid());
        return Optional.of(current);
      } catch (IOException e) {
        throw unusable(e);
      } catch (OverlappingFileLockException e) {
        throw new IllegalStateException(
            "this JVM already locks " + lockFile + " outside ProcessSafeSingleton", e);
      } finally {
        if (!done) {
          closeQuietly(instance);
          releaseLock(channel, lock, false);
        }
      }
    } finally {
      mutex.unlock();
    }
  }

  /**
   * Takes the role, waiting up to {@code timeout} for the holder to give it up or die.
   *
   * @param timeout how long to wait at most; zero tries once
   * @return the role
   * @throws TimeoutException if the role is still held by another process at the deadline; the
   *     message names the holder if it is known
   * @throws InterruptedException if interrupted while waiting
   * @throws IllegalArgumentException if the timeout is negative
   */
  public Role<T> acquire(Duration timeout) throws TimeoutException, InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    Instant start = options.clock().instant();
    Instant deadline;
    try {
      deadline = start.plus(timeout);
    } catch (DateTimeException | ArithmeticException e) {
      deadline = Instant.MAX;
    }
    while (true) {
      Optional<Role<T>> role = tryAcquire();
      if (role.isPresent()) {
        return role.get();
      }
      Instant now = options.clock().instant();
      if (!now.isBefore(deadline)) {
        throw new TimeoutException(
            "the role on "
                + lockFile
                + " is still held after "
                + timeout
                + holder().map(h -> ", by pid " + h.pid()).orElse(""));
      }
      Duration left = Duration.between(now, deadline);
      options
          .sleeper()
          .sleep(left.compareTo(options.pollInterval()) < 0 ? left : options.pollInterval());
    }
  }

  /**
   * Who holds the role now, as far as can be told: the side file the holder wrote, if that process
   * is still alive (same pid, same start time). Empty while nobody holds it, and in the short
   * window between a holder taking the lock and publishing itself.
   */
  public Optional<Holder> holder() {
    mutex.lock();
    try {
      if (current != null) {
        return Optional.of(current.holder());
      }
    } finally {
      mutex.unlock();
    }
    Properties published = new Properties();
    try (Reader in = Files.newBufferedReader(holderFile, StandardCharsets.UTF_8)) {
      published.load(in);
      long pid = Long.parseLong(published.getProperty(PID, ""));
      Instant acquiredAt = Instant.parse(published.getProperty(ACQUIRED_AT, ""));
      String started = published.getProperty(PROCESS_START, "");
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      boolean alive =
          process.isPresent()
              && (started.isEmpty()
                  || process
                      .get()
                      .info()
                      .startInstant()
                      .map(Instant::toString)
                      .orElse("")
                      .equals(started));
      return alive
          ? Optional.of(new Holder(pid, acquiredAt, published.getProperty(NOTE, "")))
          : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      LOG.debug("unreadable holder file {}", holderFile, e);
      return Optional.empty();
    }
  }

  private void writeHolderFile(Holder holder) throws IOException {
    Properties published = new Properties();
    published.setProperty(PID, Long.toString(holder.pid()));
    published.setProperty(ACQUIRED_AT, holder.acquiredAt().toString());
    published.setProperty(
        PROCESS_START,
        ProcessHandle.current().info().startInstant().map(Instant::toString).orElse(""));
    published.setProperty(NOTE, holder.note());
    Path temp =
        Files.createTempFile(holderFile.getParent(), holderFile.getFileName() + ".", ".tmp");
    try {
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        published.store(out, "holder of " + lockFile.getFileName());
      }
      Files.move(
          temp, holderFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Removes the side file (if this object published it), the lock, the channel, the registration.
   */
  private void releaseLock(FileChannel channel, FileLock lock, boolean published) {
    try {
      if (published) {
        Files.deleteIfExists(holderFile); // before the lock goes: the next holder writes it anew
      }
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      LOG.warn("releasing {} failed; the process's exit will release the lock", lockFile, e);
    } finally {
      HOLDERS.remove(key, this);
    }
  }

  private void closeQuietly(Object instance) {
    if (instance instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.warn("closing the instance of {} failed; releasing the role", lockFile, e);
      }
    }
  }

  private UncheckedIOException unusable(IOException e) {
    String reason =
        switch (e) {
          case FileAlreadyExistsException f -> f.getFile() + " exists and is not a directory";
          case NotDirectoryException n -> n.getFile() + " is not a directory";
          case AccessDeniedException a -> "permission denied on " + a.getFile();
          case FileSystemException f when f.getReason() != null ->
              f.getFile() + ": " + f.getReason();
          default -> String.valueOf(e.getMessage());
        };
    return new UncheckedIOException("cannot use lock file " + lockFile + ": " + reason, e);
  }
}
