package org.interviewtasks.junior.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Extracts the distinct email addresses from a text or a text file, in the order they first appear.
 *
 * <p><b>Approach.</b> One documented regular expression, {@link #EMAIL}, finds candidates; a {@link
 * LinkedHashMap} keeps the first spelling of each address in first-seen order. Files are read line
 * by line (an address never spans lines), so memory is bounded by the longest line, and time is
 * linear: every repetition in the pattern is bounded and unambiguous, so it cannot backtrack
 * exponentially, and a lookbehind stops it from retrying inside a word it has already rejected.
 *
 * <p><b>What the pattern accepts.</b> The common shape of RFC 5322's {@code addr-spec}: a dot-atom
 * local part (letters, digits and {@code !#$%&'*+/=?^_`{|}~-}, dots only between characters: {@code
 * john.doe}, {@code john+tag}, {@code o'brien}), an {@code @}, and a domain of two or more
 * dot-separated labels (letters, digits, inner hyphens, at most 63 characters each) ending in an
 * alphabetic top-level domain of two or more letters or a punycode one ({@code xn--p1ai}).
 * Addresses longer than RFC 5321 allows (local part over 64, whole over 254 characters) are
 * skipped.
 *
 * <p><b>What it refuses, on purpose.</b> Quoted local parts ({@code "john doe"@example.com}),
 * comments, IP-literal domains ({@code user@[127.0.0.1]}) and dotless domains ({@code
 * root@localhost}), all valid in RFC 5322 but almost never meant in prose. Non-ASCII addresses (RFC
 * 6531: {@code müller@example.de}, {@code user@bücher.de}) are refused whole: an address touching a
 * letter, digit or mark of any script on either side is not cut down to its ASCII part ({@code
 * ller@example.de} would be a wrong address, which is worse than none). Punctuation around an
 * address is not part of it: {@code (john@example.com).} gives {@code john@example.com}. A
 * malformed dot-atom ({@code john..doe@x.com}, {@code .john@x.com}) is refused whole too.
 *
 * <p><b>Edge cases.</b> Duplicates compare the local part exactly and the domain ignoring case
 * (domains are case-insensitive, local parts officially are not), keeping the first spelling. A
 * file that is not UTF-8 fails with an {@link IOException} that says so rather than dropping
 * characters.
 *
 * <p><b>Follow-up.</b> <i>"Validate addresses for sign-up?"</i> A regex only says an address is
 * plausible; sending a confirmation link is the only real test. <i>"Obfuscated ones, {@code john
 * [at] example [dot] com}?"</i> Normalize those spellings first, then extract.
 */
@Task(id = "junior.apps.8", title = "Extract email addresses")
public final class EmailExtractor {

  /** RFC 5321's limit on the local part; longer ones do not match {@link #EMAIL}. */
  public static final int MAX_LOCAL_LENGTH = 64;

  /** RFC 5321's limit on a whole address (a path of 256 minus the angle brackets). */
  public static final int MAX_LENGTH = 254;

  private static final String ATOM_CHAR = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

  /**
   * An email address as described in the class comment; group {@code local} is the part before the
   * {@code @}, group {@code domain} the part after it. Every repetition is bounded (64 characters,
   * 126 labels): Java's regex engine recurses once per iteration of a group, so an unbounded one
   * overflows the stack on a long run such as {@code a.a.a.a...}.
   */
  public static final Pattern EMAIL =
      Pattern.compile(
          // not inside a longer word or local part (any script)
          "(?<![\\p{L}\\p{N}\\p{M}.!#$%&'*+/=?^_`{|}~-])"
              // dot-atom of at most 64 characters: a dot only between two atom characters
              + "(?<local>"
              + ATOM_CHAR
              + "(?:"
              + ATOM_CHAR
              + "|\\.(?="
              + ATOM_CHAR
              + ")){0,"
              + (MAX_LOCAL_LENGTH - 1)
              + "})"
              + "@"
              // labels, then an alphabetic or punycode top-level domain
              + "(?<domain>(?:"
              + LABEL
              + "\\.){1,126}(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}))"
              // not followed by more of a domain (any script)
              + "(?![\\p{L}\\p{N}\\p{M}_-]|\\.[\\p{L}\\p{N}])");

  private EmailExtractor() {}

  /** The distinct addresses in {@code text}, in first-seen order. */
  public static List<String> extract(CharSequence text) {
    Objects.requireNonNull(text, "text");
    var found = new Found();
    found.scan(text);
    return found.addresses();
  }

  /**
   * The distinct addresses in a UTF-8 text file, in first-seen order, read line by line.
   *
   * @throws IOException if the file cannot be read or is not UTF-8
   */
  public static List<String> extract(Path file) throws IOException {
    return extract(List.of(Objects.requireNonNull(file, "file")));
  }

  /**
   * The distinct addresses in several UTF-8 text files taken together, in first-seen order.
   *
   * @throws IOException if a file cannot be read or is not UTF-8
   */
  public static List<String> extract(List<Path> files) throws IOException {
    Objects.requireNonNull(files, "files");
    var found = new Found();
    for (Path file : files) {
      RegularFiles.requireEnding(file);
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          found.scan(line);
        }
      } catch (CharacterCodingException e) {
        throw new IOException(file + " is not UTF-8 text", e);
      }
    }
    return found.addresses();
  }

  /** The addresses seen so far, by a key that ignores the case of the domain. */
  private static final class Found {
    private final Map<String, String> byKey = new LinkedHashMap<>();

    void scan(CharSequence text) {
      Matcher matcher = EMAIL.matcher(text);
      while (matcher.find()) {
        String address = matcher.group();
        if (address.length() <= MAX_LENGTH) {
          String local = matcher.group("local");
          String domain = matcher.group("domain").toLowerCase(Locale.ROOT);
          byKey.putIfAbsent(local + "@" + domain, address);
        }
      }
    }

    List<String> addresses() {
      return new ArrayList<>(byKey.values());
    }
  }

  /**
   * Runs the extractor's command line with the given writers and returns its exit code: 0 done
   * (even if no address was found), 1 a file could not be read, 2 usage error.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Extract(), out, err, args);
  }

  /**
   * Prints the distinct addresses of the files named as arguments, one per line.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.8", new Extract(), args);
  }

  @Command(
      name = "junior.apps.8",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = "Prints the distinct email addresses in UTF-8 text files, in first-seen order.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:done", "1:a file could not be read", "2:usage error"})
  private static final class Extract implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Text files to search.")
    private List<Path> files;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      extract(files).forEach(out::println);
      return Cli.OK;
    }
  }
}
