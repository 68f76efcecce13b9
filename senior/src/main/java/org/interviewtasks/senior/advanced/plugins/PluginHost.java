package org.interviewtasks.senior.advanced.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.common.Task;
import org.interviewtasks.senior.advanced.plugins.api.Plugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host that is extended at runtime by jars dropped into a folder: each jar's {@link Plugin}s are
 * found with {@link ServiceLoader}, loaded in a class loader of their own, checked against the
 * host's API version, run with their failures contained, and unloaded when the jar goes.
 *
 * <p><b>Approach.</b> {@link #refresh()} compares the folder with what is loaded: a new or changed
 * {@code *.jar} gets a fresh {@link URLClassLoader}, a removed or changed one has its loader
 * closed. The loader's parent is the JDK's platform loader, and only the API package ({@code
 * ...plugins.api}) is delegated to the host's loader first; so every plugin shares the host's
 * {@code Plugin} type (the cast works) and sees nothing else of the host, its libraries included.
 * That is why two plugins can bundle different versions of the same library: each loader defines
 * its own copy of {@code com.example.Lib}, two distinct classes that never meet. The version check
 * reads the jar's manifest ({@value Plugin#MANIFEST_ATTRIBUTE}) before any of its classes loads:
 * same major, minor not newer than {@link Plugin#API_VERSION}.
 *
 * <p><b>Isolation of failures.</b> A jar is loaded all or nothing: a provider whose constructor
 * throws, a missing class, a duplicate plugin name, a bad manifest or a file that is not a jar
 * rejects that jar (its loader closed, nothing registered) with a {@link Rejection} naming it, and
 * the others load. A plugin that throws while it runs (a {@link RuntimeException}, or a {@link
 * LinkageError} such as a class missing from its jar) becomes a {@link PluginException} naming the
 * plugin and its jar; it stays loaded. Calls run with the plugin's loader as the thread's context
 * loader, as libraries that use {@code ServiceLoader} inside a plugin expect.
 *
 * <p><b>Unloading.</b> A class is collected only when its loader is unreachable, and a loader is
 * reachable from every class it defined and every instance of them. The host drops its last
 * references (instances, {@code ServiceLoader}, loader) and closes the loader (which closes the jar
 * file); the classes go at the next GC that finds nothing else holding them. Anything that keeps
 * one plugin object alive keeps all its classes: a listener registered with the JDK, a thread the
 * plugin started, a {@code ThreadLocal} it set on a host thread. The host cannot prevent those; it
 * can only not be one of them (the tests show the classes do go).
 *
 * <p><b>Trade-offs and failure modes.</b> Class loaders isolate names, not behaviour: a plugin runs
 * in the host's JVM with the host's permissions, can exhaust its memory or spin forever ({@code
 * run} does not time out), and can call {@code System.exit}. Untrusted plugins need a process
 * boundary (a child JVM or a container) instead. Calls run under a read lock and {@code refresh}
 * takes the write lock, so a jar is never closed under a running call. On Windows an open jar
 * cannot be replaced; hosts there copy each jar to a shadow folder before loading it.
 *
 * <p><b>Follow-up.</b> <i>"Why not JPMS layers?"</i> {@link ModuleLayer} gives the same isolation
 * with explicit exports, and is the right tool when plugins are modules; class loaders work with
 * any jar. <i>"Plugins that depend on each other?"</i> Then the loaders form a graph (OSGi, JBoss
 * Modules): each exports packages and imports others', resolved before loading.
 */
@Task(id = "senior.advanced.5", title = "Plugin architecture")
public final class PluginHost implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
  private static final String API_PACKAGE = Plugin.class.getPackageName() + ".";
  private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

  private final Path folder;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Path, LoadedJar> jars = new TreeMap<>(); // guarded by lock
  private final Map<String, Loaded> plugins = new TreeMap<>(); // guarded by lock
  private final Map<Path, RejectedJar> rejected = new TreeMap<>(); // guarded by lock
  private boolean closed; // guarded by lock

  /**
   * A jar the host did not load, and why.
   *
   * @param jar the jar's file name
   * @param reason what was wrong, e.g. {@code "needs plugin API 2.0, the host has 1.1"}
   */
  public record Rejection(String jar, String reason) {}

  /**
   * What a {@link #refresh()} changed.
   *
   * @param loaded jars loaded, by file name
   * @param unloaded jars unloaded (removed or changed), by file name
   * @param rejected jars that were rejected by this refresh
   */
  public record Report(List<String> loaded, List<String> unloaded, List<Rejection> rejected) {

    /** Copies the lists. */
    public Report {
      loaded = List.copyOf(loaded);
      unloaded = List.copyOf(unloaded);
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * A loaded plugin as callers see it.
   *
   * @param name its name
   * @param description its description
   * @param jar the file name of the jar it came from
   */
  public record PluginInfo(String name, String description, String jar) {}

  private record Stamp(FileTime modified, long size) {}

  private record LoadedJar(Path path, Stamp stamp, PluginClassLoader loader, List<String> names) {}

  private record Loaded(Plugin plugin, String description, LoadedJar jar) {}

  private record RejectedJar(Rejection rejection, Stamp stamp) {}

  /**
   * A jar's class loader: the plugin API from the host, parent-first; everything else from the JDK
   * or the jar, never from the host.
   */
  static final class PluginClassLoader extends URLClassLoader {

    static {
      registerAsParallelCapable();
    }

    private final ClassLoader api;

    PluginClassLoader(Path jar, ClassLoader api) throws IOException {
      super(
          "plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, getPlatformClassLoader());
      this.api = api;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(API_PACKAGE)) {
        return api.loadClass(name);
      }
      return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
      if (name.startsWith(API_PACKAGE.replace('.', '/'))) {
        return api.getResource(name);
      }
      return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.startsWith(API_PACKAGE.replace('.', '/'))) {
        return api.getResources(name);
      }
      return super.getResources(name);
    }
  }

  private PluginHost(Path folder) {
    this.folder = folder;
  }

  /**
   * A host for the jars in {@code folder}, with nothing loaded yet: call {@link #refresh()}.
   *
   * @throws IllegalArgumentException if {@code folder} is not a directory
   */
  public static PluginHost open(Path folder) {
    Objects.requireNonNull(folder, "folder");
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("the plugin folder is not a directory: " + folder);
    }
    return new PluginHost(folder.toAbsolutePath().normalize());
  }

  /** The plugin folder. */
  public Path folder() {
    return folder;
  }

  /**
   * Brings the loaded plugins in line with the folder: unloads jars that were removed or changed,
   * loads jars that are new or changed (all of a jar's plugins, or none), and remembers why a jar
   * was rejected. A rejected jar is retried only once it changes.
   *
   * @return what changed
   * @throws UncheckedIOException if the folder cannot be listed
   * @throws IllegalStateException if the host is closed
   */
  public Report refresh() {
    lock.writeLock().lock();
    try {
      requireOpen();
      Map<Path, Stamp> present = scan();
      List<String> unloaded = new ArrayList<>();
      for (LoadedJar jar : List.copyOf(jars.values())) {
        if (!jar.stamp().equals(present.get(jar.path()))) {
          unload(jar);
          unloaded.add(name(jar.path()));
        }
      }
      rejected.keySet().removeIf(path -> !present.containsKey(path));
      List<String> loaded = new ArrayList<>();
      List<Rejection> newlyRejected = new ArrayList<>();
      for (Map.Entry<Path, Stamp> entry : present.entrySet()) {
        Path path = entry.getKey();
        if (jars.containsKey(path)) {
          continue;
        }
        RejectedJar before = rejected.get(path);
        if (before != null && before.stamp().equals(entry.getValue())) {
          continue; // rejected as it is: retried once it changes
        }
        try {
          load(path, entry.getValue());
          rejected.remove(path);
          loaded.add(name(path));
        } catch (RejectedJarException e) {
          Rejection rejection = new Rejection(name(path), e.getMessage());
          rejected.put(path, new RejectedJar(rejection, entry.getValue()));
          newlyRejected.add(rejection);
          LOG.warn("rejected plugin jar {}: {}", rejection.jar(), rejection.reason());
        }
      }
      return new Report(loaded, unloaded, newlyRejected);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Runs the plugin {@code name} on {@code input}.
   *
   * @throws NoSuchElementException if no plugin of that name is loaded
   * @throws PluginException if the plugin throws or returns null; names the plugin and its jar
   * @throws IllegalStateException if the host is closed
   */
  public String run(String name, String input) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    lock.readLock().lock();
    try {
      requireOpen();
      Loaded loaded = plugins.get(name);
      if (loaded == null) {
        throw new NoSuchElementException(
            "no plugin named '" + name + "'; loaded: " + plugins.keySet());
      }
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      thread.setContextClassLoader(loaded.jar().loader());
      try {
        String result = loaded.plugin().apply(input);
        if (result == null) {
          throw new PluginException(describe(name, loaded) + " returned null", null);
        }
        return result;
      } catch (RuntimeException | LinkageError e) {
        if (e instanceof PluginException p) {
          throw p;
        }
        throw new PluginException(describe(name, loaded) + " failed: " + e, e);
      } finally {
        thread.setContextClassLoader(previous);
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The loaded plugins, by name. */
  public List<PluginInfo> plugins() {
    lock.readLock().lock();
    try {
      List<PluginInfo> infos = new ArrayList<>();
      plugins.forEach(
          (name, loaded) ->
              infos.add(new PluginInfo(name, loaded.description(), name(loaded.jar().path()))));
      return List.copyOf(infos);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The jars that are rejected now, with the reasons, by file name. */
  public List<Rejection> rejected() {
    lock.readLock().lock();
    try {
      return rejected.values().stream().map(RejectedJar::rejection).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The class of a loaded plugin, for tests that watch it being unloaded. */
  Class<?> classOf(String name) {
    lock.readLock().lock();
    try {
      Loaded loaded = plugins.get(name);
      if (loaded == null) {
        throw new NoSuchElementException("no plugin named '" + name + "'");
      }
      return loaded.plugin().getClass();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Unloads every jar; the host cannot be used afterwards. A second call does nothing. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        List.copyOf(jars.values()).forEach(this::unload);
        rejected.clear();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Map<Path, Stamp> scan() {
    Map<Path, Stamp> present = new LinkedHashMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.jar")) {
      for (Path entry : entries) {
        stampOf(entry).ifPresent(stamp -> present.put(entry, stamp));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the plugin folder " + folder, e);
    }
    return new TreeMap<>(present);
  }

  private static Optional<Stamp> stampOf(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return attributes.isRegularFile()
          ? Optional.of(new Stamp(attributes.lastModifiedTime(), attributes.size()))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // gone between the listing and now
    }
  }

  /** Thrown while loading a jar when a jar cannot be loaded; its message is the reason. */
  private static final class RejectedJarException extends Exception {
    private static final long serialVersionUID = 1L;

    RejectedJarException(String reason) {
      super(reason);
    }

    RejectedJarException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private void load(Path path, Stamp stamp) throws RejectedJarException {
    checkApiVersion(path);
    PluginClassLoader loader;
    try {
      loader = new PluginClassLoader(path, Plugin.class.getClassLoader());
    } catch (IOException e) {
      throw new RejectedJarException("cannot open: " + e.getMessage(), e);
    }
    boolean done = false;
    try {
      Map<String, Loaded> found = new LinkedHashMap<>();
      List<String> names = new ArrayList<>();
      LoadedJar jar = new LoadedJar(path, stamp, loader, names);
      ServiceLoader<Plugin> services = ServiceLoader.load(Plugin.class, loader);
      try {
        for (Plugin plugin : services) {
          String pluginName = plugin.name();
          if (pluginName == null || pluginName.isBlank()) {
            throw new RejectedJarException(plugin.getClass().getName() + " has no name");
          }
          Loaded other = plugins.get(pluginName);
          if (other != null || found.containsKey(pluginName)) {
            String owner = other != null ? name(other.jar().path()) : name(path);
            throw new RejectedJarException(
                "plugin name '" + pluginName + "' is already provided by " + owner);
          }
          found.put(
              pluginName,
              new Loaded(plugin, Objects.requireNonNullElse(plugin.description(), ""), jar));
          names.add(pluginName);
        }
      } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
        Throwable cause = e.getCause();
        throw new RejectedJarException(
            "a plugin failed to load: "
                + e.getMessage()
                + (cause != null ? " (" + cause + ")" : ""),
            e);
      }
      if (found.isEmpty()) {
        throw new RejectedJarException(
            "provides no plugin (no META-INF/services/" + Plugin.class.getName() + ")");
      }
      plugins.putAll(found);
      jars.put(path, jar);
      done = true;
      LOG.info("loaded {} from {}", found.keySet(), name(path));
    } finally {
      if (!done) {
        closeLoader(loader, path);
      }
    }
  }

  private static void checkApiVersion(Path path) throws RejectedJarException {
    Manifest manifest;
    try (JarFile jar = new JarFile(path.toFile())) {
      manifest = jar.getManifest();
    } catch (IOException e) {
      throw new RejectedJarException("not a readable jar: " + e.getMessage(), e);
    }
    String needed =
        manifest == null ? null : manifest.getMainAttributes().getValue(Plugin.MANIFEST_ATTRIBUTE);
    if (needed == null) {
      throw new RejectedJarException("its manifest has no " + Plugin.MANIFEST_ATTRIBUTE);
    }
    Matcher wanted = VERSION.matcher(needed.strip());
    if (!wanted.matches()) {
      throw new RejectedJarException(
          Plugin.MANIFEST_ATTRIBUTE + " is not major.minor: '" + needed + "'");
    }
    Matcher ours = VERSION.matcher(Plugin.API_VERSION);
    if (!ours.matches()) {
      throw new IllegalStateException("malformed Plugin.API_VERSION " + Plugin.API_VERSION);
    }
    boolean sameMajor = Integer.parseInt(wanted.group(1)) == Integer.parseInt(ours.group(1));
    boolean minorKnown = Integer.parseInt(wanted.group(2)) <= Integer.parseInt(ours.group(2));
    if (!sameMajor || !minorKnown) {
      throw new RejectedJarException(
          "needs plugin API " + needed.strip() + ", the host has " + Plugin.API_VERSION);
    }
  }

  private void unload(LoadedJar jar) {
    jar.names().forEach(plugins::remove);
    jars.remove(jar.path());
    closeLoader(jar.loader(), jar.path());
    LOG.info("unloaded {} from {}", jar.names(), name(jar.path()));
  }

  private static void closeLoader(URLClassLoader loader, Path path) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.warn("closing the class loader of {} failed", name(path), e);
    }
  }

  private static String describe(String name, Loaded loaded) {
    return "plugin '" + name + "' from " + name(loaded.jar().path());
  }

  private static String name(Path path) {
    return path.getFileName().toString();
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the plugin host of " + folder + " is closed");
    }
  }
}
