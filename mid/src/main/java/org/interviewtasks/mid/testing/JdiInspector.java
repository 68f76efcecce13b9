package org.interviewtasks.mid.testing;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.ArrayReference;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.LocalVariable;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.connect.VMStartException;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.event.VMStartEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Debugs a Java program from code with the Java Debug Interface: launches it in a second JVM, stops
 * at a line, reads its local variables and steps, like {@code pdb} (or {@code jdb}) would.
 *
 * <p><b>Approach.</b> JDI ({@code com.sun.jdi}, module {@code jdk.jdi}) is the API that IDE
 * debuggers are built on; it speaks JDWP to the target JVM. {@link #launch} uses the {@code
 * com.sun.jdi.CommandLineLaunch} connector, which starts the target suspended before its first
 * instruction (its start event is taken off the queue, and every later resume goes through the
 * event set that suspended the target, so no resume is counted twice). The target's class is not
 * loaded yet, so {@link #runToLine} first asks for a class-prepare event for it, then sets a {@link
 * BreakpointRequest} at the first code location of the line ({@link ReferenceType#locationsOfLine})
 * and resumes until it is hit. There, {@link StackFrame#visibleVariables} gives the locals in scope
 * with their values. {@link #stepOver} places a one-shot {@link StepRequest} (line granularity,
 * over calls) and resumes again. Every wait has a deadline ({@code EventQueue.remove(timeout)}) and
 * {@link #close} always ends the target, so a test can never hang on a debuggee. The companion
 * guide, {@code JdiInspector.md} in the sources beside this class, shows the same session in {@code
 * jdb} and in an IDE; junior's {@code DebuggingWalkthrough} (junior.testing.5) walks through {@code
 * jdb} alone.
 *
 * <p><b>Edge cases.</b> Locals are only visible when the target was compiled with {@code -g} (Maven
 * does by default); otherwise {@link AbsentInformationException} is reported as an {@link
 * IllegalStateException} saying so. A line without code (a comment, a blank line) has no location:
 * {@link IllegalArgumentException} naming it. A target that ends before the breakpoint is hit gives
 * an {@link IllegalStateException} with its output. Values are rendered for reading: primitives and
 * strings as themselves, arrays element by element, other objects as {@code Type@id}.
 *
 * <p><b>Follow-up.</b> <i>"Attach to a running server?"</i> Start it with {@code
 * -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005} and use the {@code
 * SocketAttach} connector (this is what "Remote JVM Debug" in an IDE does). <i>"Conditional
 * breakpoints?"</i> Evaluate the condition on each hit and resume when it is false; JDI itself only
 * offers count, thread and instance filters.
 */
@Task(id = "mid.testing.4", title = "Debug a running program with the Java Debug Interface")
public final class JdiInspector implements AutoCloseable {

  /**
   * Where the target stopped and what its locals held there.
   *
   * @param className the class of the executing method
   * @param method the method's name
   * @param line the source line about to execute
   * @param locals the visible local variables by name, in declaration order, rendered as text
   */
  public record Snapshot(String className, String method, int line, Map<String, String> locals) {}

  private final VirtualMachine vm;
  private final Duration timeout;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<Thread> outputPumps;
  private ThreadReference stoppedThread;

  /**
   * The event set that holds the target suspended. Resuming through it, never through the VM
   * directly, keeps the suspend count exact: resuming the start event's set after the target had
   * already stopped at a class-prepare event would silently let it run past the breakpoint.
   */
  private EventSet holding;

  private JdiInspector(VirtualMachine vm, Duration timeout) {
    this.vm = vm;
    this.timeout = timeout;
    Process process = vm.process();
    this.outputPumps =
        List.of(
            Thread.ofVirtual().start(() -> pump(process.getInputStream())),
            Thread.ofVirtual().start(() -> pump(process.getErrorStream())));
  }

  /**
   * Launches {@code mainClass} with {@code args} in a new JVM of the running JDK, with the given
   * class path, suspended before it starts.
   *
   * @throws IllegalStateException if the JVM cannot be launched
   */
  public static JdiInspector launch(
      String mainClass, List<Path> classPath, Duration timeout, String... args) {
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(classPath, "classPath");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
    Map<String, Connector.Argument> arguments = connector.defaultArguments();
    arguments
        .get("main")
        .setValue(mainClass + (args.length == 0 ? "" : " " + String.join(" ", args)));
    arguments
        .get("options")
        .setValue(
            "-cp "
                + classPath.stream()
                    .map(Path::toString)
                    .collect(Collectors.joining(File.pathSeparator)));
    arguments.get("home").setValue(System.getProperty("java.home"));
    try {
      JdiInspector inspector = new JdiInspector(connector.launch(arguments), timeout);
      inspector.holding = inspector.awaitStart();
      return inspector;
    } catch (IOException | IllegalConnectorArgumentsException | VMStartException e) {
      throw new IllegalStateException("cannot launch " + mainClass + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs the target until it reaches {@code line} of {@code className} and returns what it sees
   * there.
   *
   * @throws IllegalArgumentException if the line has no code
   * @throws IllegalStateException if the target ends first or the timeout passes
   */
  public Snapshot runToLine(String className, int line) {
    Objects.requireNonNull(className, "className");
    EventRequestManager requests = vm.eventRequestManager();
    List<ReferenceType> loaded = vm.classesByName(className);
    ReferenceType type;
    if (loaded.isEmpty()) {
      ClassPrepareRequest prepare = requests.createClassPrepareRequest();
      prepare.addClassFilter(className);
      prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      prepare.enable();
      type = ((ClassPrepareEvent) resumeUntil(ClassPrepareEvent.class)).referenceType();
      requests.deleteEventRequest(prepare);
    } else {
      type = loaded.get(0);
    }
    List<Location> locations;
    try {
      locations = type.locationsOfLine(line);
    } catch (AbsentInformationException e) {
      throw new IllegalStateException(className + " was compiled without line numbers (-g)", e);
    }
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("line " + line + " of " + className + " has no code");
    }
    BreakpointRequest breakpoint = requests.createBreakpointRequest(locations.get(0));
    breakpoint.setSuspendPolicy(EventRequest.SUSPEND_ALL);
    breakpoint.enable();
    BreakpointEvent hit = (BreakpointEvent) resumeUntil(BreakpointEvent.class);
    requests.deleteEventRequest(breakpoint);
    return snapshot(hit);
  }

  /**
   * Executes the current line, stepping over calls, and returns the state at the next one.
   *
   * @throws IllegalStateException if the target is not stopped, ends first, or the timeout passes
   */
  public Snapshot stepOver() {
    if (stoppedThread == null) {
      throw new IllegalStateException("the target is not stopped; call runToLine first");
    }
    EventRequestManager requests = vm.eventRequestManager();
    StepRequest step =
        requests.createStepRequest(stoppedThread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
    step.addCountFilter(1);
    step.setSuspendPolicy(EventRequest.SUSPEND_ALL);
    step.enable();
    StepEvent event = (StepEvent) resumeUntil(StepEvent.class);
    requests.deleteEventRequest(step);
    return snapshot(event);
  }

  /**
   * Lets the target run to its end and returns everything it printed.
   *
   * @throws IllegalStateException if it does not end within the timeout
   */
  public String runToEnd() {
    stoppedThread = null;
    holding.resume();
    try {
      if (!vm.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the target did not end within " + timeout);
      }
      for (Thread pump : outputPumps) {
        pump.join(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the target", e);
    }
    return output();
  }

  /** Everything the target printed so far, stdout and stderr. */
  public String output() {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  /** Ends the target JVM and the debugging session; safe to call twice. */
  @Override
  public void close() {
    Process process = vm.process();
    try {
      vm.exit(0);
    } catch (VMDisconnectedException e) {
      // already gone: nothing to end
    }
    process.destroyForcibly();
    try {
      process.waitFor();
      for (Thread pump : outputPumps) {
        pump.join(timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Resumes the target and waits for an event of the wanted kind; the target is then suspended. */
  private Event resumeUntil(Class<? extends Event> wanted) {
    stoppedThread = null;
    holding.resume();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        EventSet events =
            left <= 0
                ? null
                : vm.eventQueue().remove(Math.max(1, Duration.ofNanos(left).toMillis()));
        if (events == null) {
          throw new IllegalStateException(
              "no " + wanted.getSimpleName() + " within " + timeout + "; output: " + output());
        }
        for (Event event : events) {
          if (wanted.isInstance(event)) {
            if (event instanceof LocatableEvent located) {
              stoppedThread = located.thread();
            }
            holding = events;
            return event;
          }
          if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
            throw new IllegalStateException(
                "the target ended before a " + wanted.getSimpleName() + "; output: " + output());
          }
        }
        events.resume();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the target", e);
    } catch (VMDisconnectedException e) {
      throw new IllegalStateException(
          "the target ended before a " + wanted.getSimpleName() + "; output: " + output(), e);
    }
  }

  /** The start event the launched target is suspended at; its set holds the target. */
  private EventSet awaitStart() {
    try {
      EventSet events = vm.eventQueue().remove(timeout.toMillis());
      if (events == null || !(events.iterator().next() instanceof VMStartEvent)) {
        close();
        throw new IllegalStateException("the target did not start within " + timeout);
      }
      return events;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while waiting for the target", e);
    }
  }

  private static Snapshot snapshot(LocatableEvent event) {
    Location location = event.location();
    Map<String, String> locals = new LinkedHashMap<>();
    try {
      StackFrame frame = event.thread().frame(0);
      for (LocalVariable variable : frame.visibleVariables()) {
        locals.put(variable.name(), render(frame.getValue(variable)));
      }
    } catch (AbsentInformationException e) {
      throw new IllegalStateException(
          location.declaringType().name() + " was compiled without local variable tables (-g)", e);
    } catch (IncompatibleThreadStateException e) {
      throw new IllegalStateException("the thread is not suspended", e);
    }
    return new Snapshot(
        location.declaringType().name(),
        location.method().name(),
        location.lineNumber(),
        Collections.unmodifiableMap(locals));
  }

  /** A debugger's view of a value: primitives and strings as is, arrays element by element. */
  static String render(Value value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof StringReference string) {
      return '"' + string.value() + '"';
    }
    if (value instanceof ArrayReference array) {
      return array.getValues().stream()
          .map(JdiInspector::render)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof ObjectReference object) {
      return object.referenceType().name() + "@" + object.uniqueID();
    }
    return value.toString();
  }

  private void pump(InputStream in) {
    byte[] buffer = new byte[4096];
    try {
      for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
        synchronized (output) {
          output.write(buffer, 0, read);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code <class-path> <main-class> <line> [steps]}: runs the program to the line, then steps,
   * printing the locals at each stop.
   *
   * @throws IllegalArgumentException on bad usage
   */
  public static void main(String... args) {
    if (args.length < 3 || args.length > 4) {
      throw new IllegalArgumentException(
          "usage: mid.testing.4 <class-path> <main-class> <line> [steps]");
    }
    int line = Args.toInt(args[2]);
    int steps = args.length == 4 ? Args.toInt(args[3]) : 0;
    if (steps < 0) {
      throw new IllegalArgumentException("steps must not be negative: " + steps);
    }
    List<Path> classPath = Arrays.stream(args[0].split(File.pathSeparator)).map(Path::of).toList();
    try (JdiInspector inspector = launch(args[1], classPath, Duration.ofSeconds(30))) {
      print(inspector.runToLine(args[1], line));
      for (int i = 0; i < steps; i++) {
        print(inspector.stepOver());
      }
    }
  }

  private static void print(Snapshot snapshot) {
    System.out.println(
        snapshot.className()
            + "."
            + snapshot.method()
            + ":"
            + snapshot.line()
            + " "
            + snapshot.locals());
  }
}
