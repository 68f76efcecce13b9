package org.interviewtasks.senior.bigdata.mapreduce;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Properties;
import java.util.function.BiConsumer;

/**
 * What a worker does, in a thread or in a process of its own: one attempt at a map task or a reduce
 * task, described by a {@link Spec} and exchanging data with the other tasks only through files in
 * the job's work directory.
 *
 * <p>Files: map task {@code i} writes {@code map-i/part-p} (the records of partition p, sorted by
 * key) and reduce task {@code p} writes {@code output/part-r-p} (text). An attempt works in a
 * directory of its own and renames it into place when done, so a failed or killed attempt leaves
 * nothing that a later attempt or the reducers could mistake for output.
 */
final class Tasks {

  /** Marks one more record in a run file; a run ends with {@link #END}. */
  private static final int RECORD = 1;

  private static final int END = 0;
  private static final int BUFFER = 1 << 16;
  static final long ENTRY_OVERHEAD = 48; // a map entry or list slot plus a boxed value

  /**
   * At most this many runs are merged at once; more are merged in passes (Hadoop's sort factor).
   */
  static final int MERGE_FACTOR = 32;

  private Tasks() {}

  /** One task attempt, as written to a file for a worker process. */
  record Spec(
      String kind, // "map" or "reduce"
      int index,
      int attempt,
      String jobClass,
      Path workDir,
      int reducers,
      long bufferBytes,
      Path input, // map only
      long start, // map only: the split's first byte
      long end, // map only: the byte after the split
      int mapTasks) { // reduce only

    Properties toProperties() {
      Properties p = new Properties();
      p.setProperty("kind", kind);
      p.setProperty("index", Integer.toString(index));
      p.setProperty("attempt", Integer.toString(attempt));
      p.setProperty("jobClass", jobClass);
      p.setProperty("workDir", workDir.toString());
      p.setProperty("reducers", Integer.toString(reducers));
      p.setProperty("bufferBytes", Long.toString(bufferBytes));
      p.setProperty("input", input == null ? "" : input.toString());
      p.setProperty("start", Long.toString(start));
      p.setProperty("end", Long.toString(end));
      p.setProperty("mapTasks", Integer.toString(mapTasks));
      return p;
    }

    static Spec fromProperties(Properties p) {
      String input = required(p, "input");
      return new Spec(
          required(p, "kind"),
          Integer.parseInt(required(p, "index")),
          Integer.parseInt(required(p, "attempt")),
          required(p, "jobClass"),
          Path.of(required(p, "workDir")),
          Integer.parseInt(required(p, "reducers")),
          Long.parseLong(required(p, "bufferBytes")),
          input.isEmpty() ? null : Path.of(input),
          Long.parseLong(required(p, "start")),
          Long.parseLong(required(p, "end")),
          Integer.parseInt(required(p, "mapTasks")));
    }

    private static String required(Properties p, String name) {
      String value = p.getProperty(name);
      if (value == null) {
        throw new IllegalArgumentException("task spec lacks " + name);
      }
      return value;
    }

    String name() {
      return kind + " task " + index;
    }

    /** Where the task's output lands once committed. */
    Path committed() {
      return kind.equals("map") ? mapOutput(workDir, index) : reduceOutput(workDir, index);
    }
  }

  static Path mapOutput(Path workDir, int task) {
    return workDir.resolve("map-%05d".formatted(task));
  }

  static Path reduceOutput(Path workDir, int partition) {
    return workDir.resolve("output").resolve("part-r-%05d".formatted(partition));
  }

  /** Runs one attempt and returns its counters; the output is committed when it returns. */
  static MapReduce.Counters run(Spec spec) throws IOException {
    Job<?, ?, ?> job = instantiate(spec.jobClass());
    return switch (spec.kind()) {
      case "map" -> map(job, spec);
      case "reduce" -> reduce(job, spec);
      default -> throw new IllegalArgumentException("unknown task kind: " + spec.kind());
    };
  }

  static Job<?, ?, ?> instantiate(String className) {
    try {
      Class<?> type = Class.forName(className, true, Tasks.class.getClassLoader());
      if (!Job.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(className + " is not a " + Job.class.getName());
      }
      return (Job<?, ?, ?>) type.getConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("job class not found: " + className, e);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalArgumentException(
          "job class " + className + " needs a public no-argument constructor", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructor of " + className + " failed", e.getCause());
    }
  }

  // ---------------------------------------------------------------- map

  private static <K extends Comparable<? super K>, V> MapReduce.Counters map(
      Job<K, V, ?> job, Spec spec) throws IOException {
    Path attemptDir = attemptDir(spec);
    MapBuffer<K, V> buffer = new MapBuffer<>(job, spec.reducers(), spec.bufferBytes(), attemptDir);
    long lines = 0;
    String source = spec.input().getFileName().toString();
    try (SplitReader reader = new SplitReader(spec.input(), spec.start(), spec.end())) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines++;
        job.map(source, line, buffer);
      }
    }
    buffer.finish();
    var counters = new MapReduce.Counters(lines, buffer.emitted, buffer.spills, 0, 0, 0);
    commit(attemptDir, spec.committed());
    return counters;
  }

  /**
   * The map side of the shuffle: records per partition in memory (combined per key when the job has
   * a combiner), spilled as sorted runs when they outgrow the budget, merged per partition at the
   * end into one sorted file.
   */
  private static final class MapBuffer<K extends Comparable<? super K>, V>
      implements BiConsumer<K, V> {
    private final Job<K, V, ?> job;
    private final int reducers;
    private final long budget;
    private final Path dir;
    private final List<Map<K, V>> combined;
    private final List<List<Map.Entry<K, V>>> records;
    private long bytes;
    long emitted;
    int spills;

    MapBuffer(Job<K, V, ?> job, int reducers, long budget, Path dir) {
      this.job = job;
      this.reducers = reducers;
      this.budget = budget;
      this.dir = dir;
      combined = new ArrayList<>();
      records = new ArrayList<>();
      for (int p = 0; p < reducers; p++) {
        if (job.hasCombiner()) {
          combined.add(new HashMap<>());
        } else {
          records.add(new ArrayList<>());
        }
      }
    }

    @Override
    public void accept(K key, V value) {
      Objects.requireNonNull(key, "map emitted a null key");
      Objects.requireNonNull(value, "map emitted a null value");
      emitted++;
      int partition = partition(key, reducers);
      if (job.hasCombiner()) {
        Map<K, V> map = combined.get(partition);
        V old = map.get(key);
        if (old == null) {
          map.put(key, value);
          bytes += ENTRY_OVERHEAD + job.keyCodec().heapSize(key) + job.valueCodec().heapSize(value);
        } else {
          map.put(key, job.combine(key, old, value));
        }
      } else {
        records.get(partition).add(Map.entry(key, value));
        bytes += ENTRY_OVERHEAD + job.keyCodec().heapSize(key) + job.valueCodec().heapSize(value);
      }
      if (bytes > budget) {
        spill();
      }
    }

    private void spill() {
      try {
        for (int p = 0; p < reducers; p++) {
          writeRun(dir.resolve("spill-%d-part-%05d".formatted(spills, p)), sortedAndClear(p));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      spills++;
      bytes = 0;
    }

    /** Writes the final sorted file per partition, merging the spills if there were any. */
    void finish() throws IOException {
      if (spills == 0) {
        for (int p = 0; p < reducers; p++) {
          writeRun(dir.resolve(partName(p)), sortedAndClear(p));
        }
        return;
      }
      if (bytes > 0) {
        spill();
      }
      for (int p = 0; p < reducers; p++) {
        List<Path> runs = new ArrayList<>();
        for (int s = 0; s < spills; s++) {
          runs.add(dir.resolve("spill-%d-part-%05d".formatted(s, p)));
        }
        for (int pass = 0; runs.size() > MERGE_FACTOR; pass++) {
          List<Path> merged = new ArrayList<>();
          for (int from = 0; from < runs.size(); from += MERGE_FACTOR) {
            Path out = dir.resolve("merge-%d-%d-part-%05d".formatted(pass, merged.size(), p));
            merge(runs.subList(from, Math.min(runs.size(), from + MERGE_FACTOR)), out);
            merged.add(out);
          }
          runs = merged;
        }
        merge(runs, dir.resolve(partName(p)));
      }
    }

    /** Merges sorted runs into one sorted file, combining equal keys, and deletes the runs. */
    private void merge(List<Path> runs, Path out) throws IOException {
      try (Merge<K, V> merge = new Merge<>(job, runs)) {
        writeRun(out, job.hasCombiner() ? combining(merge) : merge);
      }
      for (Path run : runs) {
        Files.delete(run);
      }
    }

    /** Adjacent records of equal keys combined into one: the merge delivers them together. */
    private Iterator<Map.Entry<K, V>> combining(Merge<K, V> merge) {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return merge.hasNext();
        }

        @Override
        public Map.Entry<K, V> next() {
          Map.Entry<K, V> first = merge.next();
          K key = first.getKey();
          V value = first.getValue();
          while (merge.hasNext() && merge.peekKey().compareTo(key) == 0) {
            value = job.combine(key, value, merge.next().getValue());
          }
          return Map.entry(key, value);
        }
      };
    }

    private Iterator<Map.Entry<K, V>> sortedAndClear(int partition) {
      List<Map.Entry<K, V>> sorted;
      if (job.hasCombiner()) {
        sorted = new ArrayList<>(combined.get(partition).entrySet());
        combined.set(partition, new HashMap<>());
      } else {
        sorted = records.get(partition);
        records.set(partition, new ArrayList<>());
      }
      sorted.sort(Map.Entry.comparingByKey());
      return sorted.iterator();
    }

    private void writeRun(Path file, Iterator<Map.Entry<K, V>> entries) throws IOException {
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BUFFER))) {
        while (entries.hasNext()) {
          Map.Entry<K, V> entry = entries.next();
          out.writeByte(RECORD);
          job.keyCodec().write(out, entry.getKey());
          job.valueCodec().write(out, entry.getValue());
        }
        out.writeByte(END);
      }
    }
  }

  static String partName(int partition) {
    return "part-%05d".formatted(partition);
  }

  /** Hash partitioning: the same key goes to the same reducer from every map task. */
  static int partition(Object key, int reducers) {
    return Math.floorMod(key.hashCode(), reducers);
  }

  // ---------------------------------------------------------------- reduce

  private static <K extends Comparable<? super K>, V, R> MapReduce.Counters reduce(
      Job<K, V, R> job, Spec spec) throws IOException {
    Path attemptDir = attemptDir(spec);
    List<Path> runs = new ArrayList<>();
    for (int task = 0; task < spec.mapTasks(); task++) {
      runs.add(mapOutput(spec.workDir(), task).resolve(partName(spec.index())));
    }
    Path out = attemptDir.resolve("part");
    long groups = 0;
    try (Merge<K, V> merge = new Merge<>(job, runs);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      while (merge.hasNext()) {
        K key = merge.peekKey();
        Iterator<V> values =
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return merge.hasNext() && merge.peekKey().compareTo(key) == 0;
              }

              @Override
              public V next() {
                if (!hasNext()) {
                  throw new NoSuchElementException("no more values for " + key);
                }
                return merge.next().getValue();
              }
            };
        R result = job.reduce(key, values);
        while (values.hasNext()) {
          values.next(); // the reducer need not read every value
        }
        String formatted = job.format(key, result);
        if (formatted.indexOf('\n') >= 0 || formatted.indexOf('\r') >= 0) {
          throw new IllegalStateException(
              job.getClass().getName()
                  + ".format returned a line break for key "
                  + key
                  + ": each key's output must be one line");
        }
        writer.write(formatted);
        writer.newLine();
        groups++;
      }
    }
    Files.createDirectories(spec.committed().getParent());
    Files.move(
        out, spec.committed(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    deleteTree(attemptDir);
    return new MapReduce.Counters(0, 0, 0, groups, groups, 0);
  }

  // ---------------------------------------------------------------- files

  private static Path attemptDir(Spec spec) throws IOException {
    Path dir =
        spec.workDir()
            .resolve("%s-%05d.attempt-%d".formatted(spec.kind(), spec.index(), spec.attempt()));
    deleteTree(dir);
    return Files.createDirectories(dir);
  }

  private static void commit(Path attemptDir, Path committed) throws IOException {
    deleteTree(committed); // a previous attempt that committed but was then reported failed
    Files.move(attemptDir, committed, StandardCopyOption.ATOMIC_MOVE);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /**
   * A k-way merge of sorted run files by key; equal keys come out together, in run order (a stable
   * merge).
   */
  static final class Merge<K extends Comparable<? super K>, V>
      implements Iterator<Map.Entry<K, V>>, Closeable {
    private final PriorityQueue<Run<K, V>> heap;
    private final List<Run<K, V>> runs = new ArrayList<>();

    Merge(Job<K, V, ?> job, List<Path> files) throws IOException {
      heap =
          new PriorityQueue<>(
              Math.max(1, files.size()),
              Comparator.<Run<K, V>, K>comparing(r -> r.key).thenComparingInt(r -> r.order));
      try {
        for (int i = 0; i < files.size(); i++) {
          Run<K, V> run = new Run<>(job, files.get(i), i);
          runs.add(run);
          if (run.advance()) {
            heap.add(run);
          }
        }
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    @Override
    public boolean hasNext() {
      return !heap.isEmpty();
    }

    K peekKey() {
      return heap.element().key;
    }

    @Override
    public Map.Entry<K, V> next() {
      Run<K, V> run = heap.poll();
      if (run == null) {
        throw new NoSuchElementException("merge is exhausted");
      }
      Map.Entry<K, V> entry = Map.entry(run.key, run.value);
      try {
        if (run.advance()) {
          heap.add(run);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return entry;
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (Run<K, V> run : runs) {
        try {
          run.in.close();
        } catch (IOException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static final class Run<K extends Comparable<? super K>, V> {
    private final Job<K, V, ?> job;
    private final DataInputStream in;
    private final int order;
    private final Path file;
    K key;
    V value;

    @SuppressWarnings("unchecked") // the job's codecs give back what they wrote
    Run(Job<?, ?, ?> job, Path file, int order) throws IOException {
      this.job = (Job<K, V, ?>) job;
      this.file = file;
      this.order = order;
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
    }

    boolean advance() throws IOException {
      int marker;
      try {
        marker = in.readByte();
      } catch (EOFException e) {
        throw new IOException("truncated run file " + file, e);
      }
      if (marker == END) {
        return false;
      }
      if (marker != RECORD) {
        throw new IOException("corrupt run file " + file + ": marker " + marker);
      }
      key = job.keyCodec().read(in);
      value = job.valueCodec().read(in);
      return true;
    }
  }

  /**
   * The lines of one split of a UTF-8 file: a split owns every line that starts in {@code [start,
   * end)}, read to its end even past {@code end} (Hadoop's rule), so no line is lost or read twice
   * whatever the split boundaries.
   */
  static final class SplitReader implements Closeable {
    private final Path file;
    private final InputStream in;
    private final CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final long end;
    private long position; // of the next byte to deliver
    private final byte[] buffer = new byte[BUFFER];
    private int next;
    private int limit;
    private byte[] line = new byte[256];

    SplitReader(Path file, long start, long end) throws IOException {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      this.file = file;
      this.end = end;
      // The line starting at start is ours only if the byte before it ends a line.
      long from = start > 0 ? start - 1 : 0;
      channel.position(from);
      this.in = Channels.newInputStream(channel);
      this.position = from;
      if (start > 0) {
        skipPastNewline();
      }
    }

    private boolean fill() throws IOException {
      limit = in.read(buffer);
      next = 0;
      if (limit < 0) {
        limit = 0;
        return false;
      }
      return true;
    }

    private void skipPastNewline() throws IOException {
      while (next < limit || fill()) {
        byte b = buffer[next++];
        position++;
        if (b == '\n') {
          return;
        }
      }
    }

    /**
     * The next line of the split without its terminator ({@code \n} or {@code \r\n}), or null.
     *
     * @throws IOException naming the file and the line's offset if the line is not UTF-8: replacing
     *     the bytes would count words that the file does not hold
     */
    String readLine() throws IOException {
      if (position >= end) {
        return null;
      }
      long lineStart = position;
      int length = 0;
      boolean any = false;
      while (next < limit || fill()) {
        any = true;
        int i = next;
        while (i < limit && buffer[i] != '\n') {
          i++;
        }
        int chunk = i - next;
        if (length + chunk > line.length) {
          line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
        }
        System.arraycopy(buffer, next, line, length, chunk);
        length += chunk;
        position += chunk;
        next = i;
        if (i < limit) {
          next++; // the newline
          position++;
          break;
        }
      }
      if (!any) {
        return null;
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      try {
        return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
      } catch (CharacterCodingException e) {
        throw new IOException("not UTF-8: " + file + ", the line at byte " + lineStart, e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
