package org.interviewtasks.senior.operations.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.junit.platform.commons.io.Resource;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.commons.support.ResourceSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Turns selectors into contract descriptors: a {@code .contract} resource or file is a file
 * descriptor whose cases are its children; a folder (resource or directory) is every {@code
 * .contract} beneath it, except in folders below it that hold a {@value #IGNORE_MARKER} file; a
 * unique id is the file or the single case it names. Class-path roots and packages are scanned by
 * the platform's resource resolver with {@link #scanFilter()}, then come here as resources.
 */
final class ContractResolver implements SelectorResolver {

  /** The extension of the files that scans pick. */
  static final String EXTENSION = ".contract";

  /** A file of this name makes scans skip its folder and everything below. */
  static final String IGNORE_MARKER = "contracts.ignore";

  private final ClassLoader loader;
  private final Set<TestTag> tags;
  private final Map<String, Boolean> ignoredFolders = new ConcurrentHashMap<>();

  /** A resolver finding resources through {@code loader}, giving every descriptor {@code tags}. */
  ContractResolver(ClassLoader loader, Set<TestTag> tags) {
    this.loader = loader;
    this.tags = Set.copyOf(tags);
  }

  /** Which resources a scan of a class-path root or a package picks. */
  ResourceFilter scanFilter() {
    return ResourceFilter.of(r -> isContract(r.getName()) && !ignored(r.getName(), ""));
  }

  private static boolean isContract(String name) {
    return name.endsWith(EXTENSION);
  }

  /** Whether a folder of {@code name} below {@code root} (a resource prefix) holds the marker. */
  private boolean ignored(String name, String root) {
    int slash = name.lastIndexOf('/');
    while (slash > root.length()) {
      String folder = name.substring(0, slash + 1);
      boolean marked =
          ignoredFolders.computeIfAbsent(
              folder, f -> loader.getResource(f + IGNORE_MARKER) != null);
      if (marked) {
        return true;
      }
      slash = name.lastIndexOf('/', slash - 1);
    }
    return false;
  }

  @Override
  public Resolution resolve(ClasspathResourceSelector selector, Context context) {
    String name = selector.getClasspathResourceName();
    if (isContract(name)) {
      Set<Match> matches = new LinkedHashSet<>();
      for (Resource resource : selector.getResources()) {
        file(ContractLocation.of(resource), context).ifPresent(matches::add);
      }
      return matches.isEmpty() ? Resolution.unresolved() : Resolution.matches(matches);
    }
    String folder = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    String packageName = folder.replace('/', '.');
    if (folder.isEmpty() || !SourceVersion.isName(packageName)) {
      return Resolution.unresolved();
    }
    String root = folder + "/";
    List<Resource> found =
        ResourceSupport.findAllResourcesInPackage(
            packageName,
            ResourceFilter.of(r -> isContract(r.getName()) && !ignored(r.getName(), root)));
    return selectors(
        found.stream().map(r -> DiscoverySelectors.selectClasspathResource(r.getName())));
  }

  @Override
  public Resolution resolve(FileSelector selector, Context context) {
    if (!isContract(selector.getRawPath())) {
      return Resolution.unresolved();
    }
    Path path = selector.getPath();
    if (!Files.isRegularFile(path)) {
      return Resolution.unresolved();
    }
    return file(ContractLocation.of(path), context)
        .map(Resolution::match)
        .orElse(Resolution.unresolved());
  }

  @Override
  public Resolution resolve(DirectorySelector selector, Context context) {
    Path directory = selector.getPath();
    if (!Files.isDirectory(directory)) {
      return Resolution.unresolved();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      List<Path> contracts =
          files
              .filter(p -> isContract(p.getFileName().toString()) && Files.isRegularFile(p))
              .filter(p -> !ignoredBelow(directory, p))
              .sorted()
              .toList();
      return selectors(contracts.stream().map(p -> DiscoverySelectors.selectFile(p.toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + directory, e);
    }
  }

  private static boolean ignoredBelow(Path root, Path file) {
    for (Path folder = file.getParent();
        folder != null && !folder.equals(root) && folder.startsWith(root);
        folder = folder.getParent()) {
      if (Files.exists(folder.resolve(IGNORE_MARKER))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Resolution resolve(UniqueIdSelector selector, Context context) {
    UniqueId id = selector.getUniqueId();
    List<UniqueId.Segment> segments = id.getSegments();
    UniqueId.Segment last = segments.get(segments.size() - 1);
    if (last.getType().equals(ContractFileDescriptor.CASE)) {
      return context
          .addToParent(
              () -> DiscoverySelectors.selectUniqueId(id.removeLastSegment()),
              parent ->
                  parent instanceof ContractFileDescriptor file
                      ? file.newCase(last.getValue())
                      : Optional.empty())
          .map(c -> Resolution.match(Match.exact(c)))
          .orElse(Resolution.unresolved());
    }
    if (segments.size() != 2) {
      return Resolution.unresolved();
    }
    Optional<ContractLocation> location =
        switch (last.getType()) {
          case ContractLocation.RESOURCE ->
              ResourceSupport.tryToGetResources(last.getValue(), loader).toOptional().stream()
                  .flatMap(Set::stream)
                  .findFirst()
                  .map(ContractLocation::of);
          case ContractLocation.FILE ->
              Optional.of(Path.of(last.getValue()))
                  .filter(Files::isRegularFile)
                  .map(ContractLocation::of);
          default -> Optional.empty();
        };
    return location
        .flatMap(l -> file(l, context))
        .map(Resolution::match)
        .orElse(Resolution.unresolved());
  }

  /** The file's descriptor under the engine, its cases to be expanded. */
  private Optional<Match> file(ContractLocation location, Context context) {
    return context
        .addToParent(
            parent ->
                Optional.of(ContractFileDescriptor.read(parent.getUniqueId(), location, tags)))
        .map(file -> Match.exact(file, file::caseSelectors));
  }

  private static Resolution selectors(Stream<? extends DiscoverySelector> selectors) {
    Set<DiscoverySelector> all = new LinkedHashSet<>();
    selectors.forEach(all::add);
    return all.isEmpty() ? Resolution.unresolved() : Resolution.selectors(all);
  }
}
