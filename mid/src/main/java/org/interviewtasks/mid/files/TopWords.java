package org.interviewtasks.mid.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Reads a large file and returns its most frequent words, 10 by default.
 *
 * <p><b>Approach.</b> Counting is per character, so one core is the limit: the file is cut into
 * byte ranges that several threads count at once, each into its own table; the tables are merged
 * and a min-heap of size k keeps the k best. A range ends just after an ASCII whitespace byte
 * (space, \t, \n, \r, \f, 0x0B), a safe cut: in UTF-8 a byte below 0x80 is a whole character, never
 * part of a multi-byte one, so each side decodes alone; and whitespace ends a word and drops a
 * pending apostrophe, so each side tokenizes alone, into the words one pass would find. A range is
 * searched forward for such a byte, so a stretch without whitespace stays in one range however long
 * it is. Each thread takes ranges (about 4 per thread, at least 1 MiB each) one at a time, so a
 * thread slowed by other work is made up for by the others; one table per thread, not per range,
 * keeps memory at threads × vocabulary.
 *
 * <p><b>One thread, fast.</b> A range is read by positional reads into a heap buffer and decoded
 * strictly (the JDK's UTF-8 decoder is fastest between arrays, which a mapped file is not). ASCII
 * characters are classified and lower-cased through a 128-entry table while the word's hash is
 * computed, so only a word with other characters goes through {@link String#toLowerCase}. The
 * counts live in an open-addressing table keyed by the word's chars: an occurrence allocates
 * nothing, and a word's String is made once, where a {@code HashMap<String, ...>} needs a new
 * String per occurrence just to look it up. Measured on a 16 MB file in the page cache on 2 cores:
 * one thread counts 2.8 times as fast as that String-per-word version did, two threads 1.7 to 1.8
 * times as fast as one.
 *
 * <p><b>Complexity.</b> O(n + d log k) time for n bytes and d distinct words, the O(n) part shared
 * by the threads; memory O(threads × d), not O(n): the file is never held, so a file much larger
 * than the heap is fine as long as its vocabulary fits (a proof runs in a 48 MB heap over a 90 MB
 * file). A file of all-distinct words needs O(n) memory all the same: see the follow-up. The {@link
 * Reader} API counts the same way in one thread, as a Reader can only be read in order.
 *
 * <p><b>Tokenization.</b> A word is a maximal run of Unicode letters and digits ({@link
 * Character#isLetterOrDigit(int)}), combining marks included so that a decomposed "é" stays one
 * word, with apostrophes ({@code '} and the typographic {@code ’}) allowed between two word
 * characters: "don't" and "l’homme" are one word each, "'quoted'" is "quoted", and the typographic
 * form is stored as {@code '} so "don’t" and "don't" count as the same word. Everything else
 * separates words. Words are lower-cased with {@link String#toLowerCase(Locale) Locale.ROOT}, so
 * the result does not depend on the machine's language (in a Turkish locale "TITLE" would become
 * "tıtle"); this is lower-casing, not full case folding: "STRASSE" and "straße" stay different
 * words, as {@code String.toLowerCase} leaves ß alone.
 *
 * <p><b>Edge cases.</b> Ties are broken alphabetically (by {@link String#compareTo}, i.e. UTF-16
 * order), so the answer is deterministic, whatever the number of threads. Fewer than k distinct
 * words give them all; an empty file or one of whitespace only gives an empty list; k and the
 * number of threads must be positive. Bytes that are not valid UTF-8 fail with an {@link
 * IOException} naming the file and the offset of the first bad byte, rather than being counted as
 * U+FFFD.
 *
 * <p><b>Follow-up.</b> <i>"The vocabulary does not fit in memory?"</i> Either approximate with a
 * Count-Min sketch plus a heap of candidates (bounded memory, small over-counts), or go exact with
 * an external sort: write the words to disk in sorted runs, merge them, count runs of equal words
 * (that is {@code tr | sort | uniq -c | sort -rn | head}). <i>"More cores?"</i> Counting scales
 * until the disk is the limit (a file not in the page cache is read at the disk's speed); the
 * serial part is the merge of the thread tables, O(threads × d), which could be split by the words'
 * hashes.
 */
@Task(id = "mid.files.2", title = "Top words of a large file", usage = "<file> [k]")
public final class TopWords {

  /** Chars read per call from a Reader, and bytes per read from a file. */
  static final int BUFFER_CHARS = 64 * 1024;

  /** Ranges per thread: a few, so that the threads finish together even on a busy machine. */
  static final int RANGES_PER_THREAD = 4;

  /** The smallest range worth handing out: a smaller file is counted by one thread. */
  static final long MIN_RANGE_BYTES = 1 << 20;

  /** The number of words returned when none is given. */
  public static final int DEFAULT_K = 10;

  /**
   * A word and how often it occurs.
   *
   * @param word the word, lower-cased
   * @param count how many times it occurs, at least 1
   */
  public record WordCount(String word, long count) {}

  /** Most frequent first, then alphabetical. */
  static final Comparator<WordCount> BEST_FIRST =
      Comparator.comparingLong(WordCount::count).reversed().thenComparing(WordCount::word);

  private TopWords() {}

  /**
   * The {@code k} most frequent words of a UTF-8 file, counted by as many threads as there are
   * processors.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if it is not valid UTF-8 or cannot be read
   */
  public static List<WordCount> topWords(Path file, int k) throws IOException {
    return topWords(file, k, Runtime.getRuntime().availableProcessors());
  }

  /**
   * The {@code k} most frequent words of a UTF-8 file, counted by up to {@code threads} threads;
   * the answer is the same for any number of threads.
   *
   * @throws IllegalArgumentException if {@code k} or {@code threads} is not positive
   * @throws java.nio.file.NoSuchFileException if the file does not exist
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if it is not valid UTF-8 or cannot be read
   */
  public static List<WordCount> topWords(Path file, int k, int threads) throws IOException {
    RegularFiles.requireEnding(file);
    requirePositive(k);
    return top(count(file, threads, 0), k);
  }

  /**
   * The {@code k} most frequent words the reader yields, reading it to the end in this thread; the
   * caller closes it.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   */
  public static List<WordCount> topWords(Reader reader, int k) throws IOException {
    Objects.requireNonNull(reader, "reader");
    requirePositive(k);
    return top(count(reader), k);
  }

  /** How often each word occurs in what the reader yields. */
  public static Map<String, Long> count(Reader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    WordTable table = new WordTable();
    feed(reader, new Tokenizer(table));
    return table.toMap();
  }

  /**
   * The {@code k} best entries of a count map, most frequent first, ties alphabetically.
   *
   * @throws IllegalArgumentException if {@code k} is not positive
   */
  public static List<WordCount> top(Map<String, Long> counts, int k) {
    Objects.requireNonNull(counts, "counts");
    requirePositive(k);
    // The heap's head is the worst of the best k so far: the one a better word pushes out.
    PriorityQueue<WordCount> heap = new PriorityQueue<>(BEST_FIRST.reversed());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      WordCount candidate = new WordCount(entry.getKey(), entry.getValue());
      if (heap.size() < k) {
        heap.add(candidate);
      } else if (BEST_FIRST.compare(candidate, heap.peek()) < 0) {
        heap.poll();
        heap.add(candidate);
      }
    }
    List<WordCount> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    return List.copyOf(best);
  }

  /**
   * How often each word of a UTF-8 file occurs, counted by up to {@code threads} threads in ranges
   * of about {@code rangeBytes} bytes each, or of the default size if it is 0.
   */
  static Map<String, Long> count(Path file, int threads, long rangeBytes) throws IOException {
    requirePositiveThreads(threads);
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      long step =
          rangeBytes > 0
              ? rangeBytes
              : Math.max(MIN_RANGE_BYTES, Math.ceilDiv(size, (long) threads * RANGES_PER_THREAD));
      var job = new Job(file, channel, split(channel, size, step));
      List<WordTable> tables = inThreads(job, Math.min(threads, job.ranges.size()));
      job.throwFirstFailure();
      Map<String, Long> counts = tables.getFirst().toMap();
      for (WordTable table : tables.subList(1, tables.size())) {
        table.addTo(counts);
      }
      return counts;
    }
  }

  /** A part {@code [start, end)} of the file that begins and ends between two words. */
  record Range(long start, long end) {}

  /**
   * Cuts {@code [0, size)} into ranges of at least {@code step} bytes, each ending just after an
   * ASCII whitespace byte or at the end of the file.
   */
  static List<Range> split(FileChannel channel, long size, long step) throws IOException {
    List<Range> ranges = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.allocate(4096);
    long start = 0;
    while (start < size) {
      long end = afterWhitespace(channel, start + step, size, buffer);
      ranges.add(new Range(start, end));
      start = end;
    }
    return ranges;
  }

  /**
   * The first position p ≥ {@code from} whose previous byte is ASCII whitespace, or {@code size} if
   * no such byte comes before the end of the file.
   */
  private static long afterWhitespace(FileChannel channel, long from, long size, ByteBuffer buffer)
      throws IOException {
    long position = from - 1;
    for (buffer.clear(); channel.read(buffer, position) != -1; buffer.clear()) {
      for (int i = 0; i < buffer.position(); i++) {
        if (isAsciiWhitespace(buffer.get(i))) {
          return position + i + 1;
        }
      }
      position += buffer.position();
    }
    return size;
  }

  private static boolean isAsciiWhitespace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r'); // \t \n 0x0B \f \r
  }

  /** The ranges of one file and what the threads share: the next range to take and the failures. */
  private static final class Job {
    final Path file;
    final FileChannel channel;
    final List<Range> ranges;
    private final AtomicInteger next = new AtomicInteger();

    /** Ranges past the first failed one need not be counted: the file is refused anyway. */
    private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);

    private final AtomicReferenceArray<IOException> failures;

    Job(Path file, FileChannel channel, List<Range> ranges) {
      this.file = file;
      this.channel = channel;
      this.ranges = ranges;
      this.failures = new AtomicReferenceArray<>(ranges.size());
    }

    /** One thread's share: takes ranges in file order until none is left; one table in all. */
    WordTable work() {
      WordTable table = new WordTable();
      RangeCounter counter = new RangeCounter(this, new Tokenizer(table));
      // Ranges are taken in increasing order, so every range before a failed one is counted, and
      // the failure reported is that of the first bad byte in the file.
      for (int r = next.getAndIncrement();
          r < ranges.size() && r < firstFailed.get();
          r = next.getAndIncrement()) {
        try {
          counter.count(ranges.get(r));
        } catch (IOException e) {
          failures.set(r, e);
          firstFailed.accumulateAndGet(r, Math::min);
          break;
        }
      }
      return table;
    }

    void throwFirstFailure() throws IOException {
      for (int r = 0; r < failures.length(); r++) {
        IOException failure = failures.get(r);
        if (failure != null) {
          throw failure;
        }
      }
    }
  }

  /**
   * Runs the job's work in {@code workers} threads, this one included (so one worker starts no
   * thread), and returns their tables.
   */
  private static List<WordTable> inThreads(Job job, int workers) throws InterruptedIOException {
    if (workers <= 1) {
      return List.of(job.work());
    }
    var threads = Thread.ofPlatform().name("top-words-", 1).factory();
    try (ExecutorService pool = Executors.newFixedThreadPool(workers - 1, threads)) {
      List<Future<WordTable>> others = new ArrayList<>();
      for (int i = 1; i < workers; i++) {
        others.add(pool.submit(job::work));
      }
      List<WordTable> tables = new ArrayList<>(List.of(job.work()));
      for (Future<WordTable> other : others) {
        tables.add(other.get());
      }
      return tables;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while counting the words of " + job.file);
    } catch (ExecutionException e) {
      // I/O errors were recorded per range: this is an Error such as OutOfMemoryError, or a bug.
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Decodes one range at a time into a tokenizer; one per thread, with its own buffers. */
  private static final class RangeCounter {
    private final Job job;
    private final Tokenizer tokenizer;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_CHARS);

    /** As many chars as bytes: one UTF-8 byte never decodes to more than one char. */
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_CHARS);

    RangeCounter(Job job, Tokenizer tokenizer) {
      this.job = job;
      this.tokenizer = tokenizer;
    }

    void count(Range range) throws IOException {
      decoder.reset();
      bytes.clear();
      long position = range.start(); // of the next byte to read
      boolean last;
      do {
        bytes.limit((int) Math.min(bytes.capacity(), bytes.position() + range.end() - position));
        int read = job.channel.read(bytes, position);
        if (read == -1) {
          last = true; // the file shrank since its size was taken: count what there is
        } else {
          position += read;
          last = position == range.end();
        }
        bytes.flip();
        CoderResult result = decoder.decode(bytes, chars, last);
        if (result.isError()) {
          // The UTF-8 decoder reports malformed input only: every code point is mappable.
          throw new IOException(
              job.file
                  + " is not valid UTF-8 text: malformed input at byte offset "
                  + (position - bytes.remaining()),
              new MalformedInputException(result.length()));
        }
        drain();
        bytes.compact(); // keeps the first bytes of a character cut by the end of the buffer
      } while (!last);
      // No flush: a UTF-8 decoder keeps nothing back once it has seen the end of its input.
      tokenizer.finish();
    }

    private void drain() {
      chars.flip();
      tokenizer.feed(chars.array(), 0, chars.limit());
      chars.clear();
    }
  }

  /** Hands every word of the reader, lower-cased, to {@code sink}; see the class Javadoc. */
  static void tokenize(Reader reader, Consumer<String> sink) throws IOException {
    feed(reader, new Tokenizer((word, length, hash) -> sink.accept(new String(word, 0, length))));
  }

  private static void feed(Reader reader, Tokenizer tokenizer) throws IOException {
    char[] buffer = new char[BUFFER_CHARS];
    for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
      tokenizer.feed(buffer, 0, read);
    }
    tokenizer.finish();
  }

  /** Receives each word as the tokenizer's own buffer, valid only during the call. */
  @FunctionalInterface
  interface WordSink {
    /**
     * One word: {@code word[0, length)}, lower-cased, whose {@link String#hashCode} is {@code
     * hash}.
     */
    void accept(char[] word, int length, int hash);
  }

  /**
   * The tokenizer of the class Javadoc as a state machine over chars, fed in pieces of any size: a
   * word, a pending apostrophe or half a surrogate pair at the end of one piece carries over.
   */
  static final class Tokenizer {

    /** For each ASCII char: its lower case if it is a letter or a digit, otherwise 0. */
    private static final char[] ASCII_WORD_CHARS = new char[128];

    static {
      for (char c = '0'; c <= '9'; c++) {
        ASCII_WORD_CHARS[c] = c;
      }
      for (char c = 'a'; c <= 'z'; c++) {
        ASCII_WORD_CHARS[c] = c;
        ASCII_WORD_CHARS[Character.toUpperCase(c)] = c;
      }
    }

    private final WordSink sink;
    private char[] word = new char[64];
    private int length;
    private int hash; // String.hashCode of word[0, length), kept up while the word is ASCII
    private boolean ascii = true;
    private boolean apostrophe; // an apostrophe after the word, kept only if a word char follows
    private char high; // a high surrogate waiting for its low half

    Tokenizer(WordSink sink) {
      this.sink = sink;
    }

    void feed(char[] chars, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = chars[i];
        if (c >= 128 || high != 0) {
          feedOther(c);
          continue;
        }
        char lower = ASCII_WORD_CHARS[c];
        if (lower != 0) {
          if (apostrophe) {
            appendAscii('\'');
            apostrophe = false;
          }
          appendAscii(lower);
        } else if (c == '\'' && length > 0 && !apostrophe) {
          apostrophe = true;
        } else {
          emit();
        }
      }
    }

    /** The end of the input: the word in progress is complete. */
    void finish() {
      high = 0; // a lone high surrogate at the very end separates words like any other
      emit();
    }

    private void feedOther(char c) {
      if (high != 0) {
        char pending = high;
        high = 0;
        if (Character.isLowSurrogate(c)) {
          accept(Character.toCodePoint(pending, c));
          return;
        }
        accept(pending); // a lone half: not a letter
      }
      if (Character.isHighSurrogate(c)) {
        high = c; // its low half may come with the next piece
      } else {
        accept(c);
      }
    }

    /** Feeds one code point, the slow way that works for all of them. */
    private void accept(int codePoint) {
      if (isWordChar(codePoint, length > 0)) {
        if (apostrophe) {
          appendAscii('\'');
          apostrophe = false;
        }
        ascii = false; // toLowerCase copes with an ASCII char here too (after a lone surrogate)
        reserve(2);
        length += Character.toChars(codePoint, word, length);
      } else if ((codePoint == '\'' || codePoint == '’') && length > 0 && !apostrophe) {
        apostrophe = true;
      } else {
        emit();
      }
    }

    private static boolean isWordChar(int codePoint, boolean inWord) {
      if (Character.isLetterOrDigit(codePoint)) {
        return true;
      }
      int type = Character.getType(codePoint);
      return inWord
          && (type == Character.NON_SPACING_MARK
              || type == Character.COMBINING_SPACING_MARK
              || type == Character.ENCLOSING_MARK);
    }

    private void appendAscii(char c) {
      reserve(1);
      word[length++] = c;
      hash = 31 * hash + c;
    }

    private void reserve(int chars) {
      if (length + chars > word.length) {
        word = Arrays.copyOf(word, 2 * word.length); // chars is 1 or 2, never more than the length
      }
    }

    /** Hands the word in progress, if any, to the sink, and starts a new one. */
    private void emit() {
      apostrophe = false;
      if (length == 0) {
        return;
      }
      if (ascii) {
        sink.accept(word, length, hash);
      } else {
        // Beyond ASCII, lower case may depend on the neighbours (a final Σ becomes ς) and change
        // the length (İ becomes i and a combining dot): leave it to the JDK.
        String lower = new String(word, 0, length).toLowerCase(Locale.ROOT);
        sink.accept(lower.toCharArray(), lower.length(), lower.hashCode());
      }
      length = 0;
      hash = 0;
      ascii = true;
    }
  }

  /**
   * Word counts in an open-addressing table (linear probing) keyed by the words' chars: looking a
   * word up allocates nothing, and a word's chars are copied once, when it is first seen.
   */
  static final class WordTable implements WordSink {
    private char[][] words = new char[1024][];
    private int[] hashes = new int[words.length];
    private long[] counts = new long[words.length];
    private int size;
    private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(words.length);

    @Override
    public void accept(char[] word, int length, int hash) {
      int mask = words.length - 1;
      for (int slot = slot(hash); ; slot = (slot + 1) & mask) {
        char[] key = words[slot];
        if (key == null) {
          words[slot] = Arrays.copyOf(word, length);
          hashes[slot] = hash;
          counts[slot] = 1;
          if (++size > words.length / 2) {
            grow();
          }
          return;
        }
        if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, word, 0, length)) {
          counts[slot]++;
          return;
        }
      }
    }

    /**
     * Fibonacci hashing: the top bits of hash × 2^32/φ, so that similar words ("word1", "word2")
     * spread over the table instead of filling neighbouring slots.
     */
    private int slot(int hash) {
      return (hash * 0x9E3779B9) >>> shift;
    }

    private void grow() {
      char[][] oldWords = words;
      int[] oldHashes = hashes;
      long[] oldCounts = counts;
      words = new char[2 * oldWords.length][];
      hashes = new int[words.length];
      counts = new long[words.length];
      shift--;
      int mask = words.length - 1;
      for (int i = 0; i < oldWords.length; i++) {
        if (oldWords[i] != null) {
          int slot = slot(oldHashes[i]);
          while (words[slot] != null) {
            slot = (slot + 1) & mask;
          }
          words[slot] = oldWords[i];
          hashes[slot] = oldHashes[i];
          counts[slot] = oldCounts[i];
        }
      }
    }

    Map<String, Long> toMap() {
      Map<String, Long> map = HashMap.newHashMap(size);
      for (int i = 0; i < words.length; i++) {
        if (words[i] != null) {
          map.put(new String(words[i]), counts[i]); // each word is in one slot only
        }
      }
      return map;
    }

    void addTo(Map<String, Long> map) {
      for (int i = 0; i < words.length; i++) {
        if (words[i] != null) {
          map.merge(new String(words[i]), counts[i], Long::sum);
        }
      }
    }
  }

  private static void requirePositive(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
  }

  private static void requirePositiveThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
  }

  /**
   * Prints the top words of a UTF-8 file, one {@code count word} per line: {@code <file> [k]}.
   *
   * @throws IllegalArgumentException on bad usage
   * @throws IOException if the file cannot be read
   */
  public static void main(String... args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException("usage: mid.files.2 <file> [k]");
    }
    int k = args.length == 2 ? Args.toInt(args[1]) : DEFAULT_K;
    for (WordCount wc : topWords(Args.toPath(args[0]), k)) {
      System.out.println(wc.count() + " " + wc.word());
    }
  }
}
