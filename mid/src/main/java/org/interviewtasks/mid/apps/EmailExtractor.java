package org.interviewtasks.mid.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.RegularFiles;
import org.interviewtasks.common.Task;

/**
 * Extracts email addresses from large text files, including the obfuscated spellings people use to
 * hide them from harvesters, with where each was first seen and how often.
 *
 * <p>It goes deeper than junior's {@code EmailExtractor}, whose documented pattern ({@link
 * org.interviewtasks.junior.apps.EmailExtractor#EMAIL}) it reuses unchanged: first each line is
 * de-obfuscated, then the pattern runs; the result keeps the line number of the first occurrence
 * and counts the occurrences, and the domain is normalised to lower case.
 *
 * <p><b>Obfuscations undone.</b> {@code [at]}, {@code (at)}, {@code {at}} and {@code <at>} in any
 * case and with spaces around, for {@code @}; the same brackets around {@code dot} for {@code .};
 * the HTML character references of both characters, by decimal number (64 and 46), hexadecimal
 * number (x40, x2E) or name ({@code commat}, {@code period}); the full-width and small commercial
 * at ({@code ＠}, {@code ﹫}). So {@code john [at] example [dot] com}, and the same address written
 * with a character reference for its {@code @}, give {@code john@example.com}. <i>Not</i> undone,
 * on purpose: bare words ({@code john at example dot com}), since "meet me at home dot com" shows
 * how many sentences would turn into addresses.
 *
 * <p><b>Approach.</b> The file is read line by line through a strict UTF-8 decoder (an address
 * never spans lines), so memory is the longest line plus one entry per distinct address, whatever
 * the file size; O(n) time. Duplicates are found as junior does: the local part exactly, the domain
 * ignoring case; the first spelling is kept, its domain lower-cased.
 *
 * <p><b>Edge cases.</b> Text that is not UTF-8 fails with an {@link IOException} naming the file
 * rather than dropping characters. An empty input gives an empty list. Addresses longer than RFC
 * 5321 allows are skipped, as in junior.
 *
 * <p><b>Follow-up.</b> <i>"Internationalised addresses?"</i> Extend the pattern to Unicode letters,
 * and compare domains after IDNA conversion ({@link java.net.IDN#toASCII}). <i>"Lines of
 * gigabytes?"</i> Read fixed windows instead of lines, overlapping by the longest address (254
 * characters) so that none is cut in two.
 */
@Task(
    id = "mid.apps.3",
    title = "Extract email addresses, obfuscated ones included, from large files",
    usage = "<file> [file...]   regular UTF-8 files; prints address, first line, count")
public final class EmailExtractor {

  /**
   * An address found, with where and how often.
   *
   * @param address the address, domain in lower case
   * @param firstLine the 1-based line where it first appears
   * @param occurrences how many times it appears
   */
  public record Found(String address, long firstLine, long occurrences) {}

  private static final String OPEN = "[\\[({<]";
  private static final String CLOSE = "[\\])}>]";
  private static final Pattern AT =
      Pattern.compile(
          "\\s*" + OPEN + "\\s*at\\s*" + CLOSE + "\\s*|&#0*64;|&#x0*40;|&commat;|[＠﹫]",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DOT =
      Pattern.compile(
          "\\s*" + OPEN + "\\s*dot\\s*" + CLOSE + "\\s*|&#0*46;|&#x0*2e;|&period;",
          Pattern.CASE_INSENSITIVE);

  private EmailExtractor() {}

  /** {@code text} with the obfuscated spellings of {@code @} and {@code .} undone. */
  public static String deobfuscate(CharSequence text) {
    Objects.requireNonNull(text, "text");
    return DOT.matcher(AT.matcher(text).replaceAll("@")).replaceAll(".");
  }

  /**
   * The distinct addresses of a UTF-8 file, in first-seen order.
   *
   * @throws java.nio.file.FileSystemException if it is a device or a pipe, which may never end
   * @throws IOException if the file cannot be read or is not UTF-8
   */
  public static List<Found> extract(Path file) throws IOException {
    RegularFiles.requireEnding(file);
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
      return extract(reader);
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not valid UTF-8 text", e);
    }
  }

  /**
   * The distinct addresses of what the reader yields, in first-seen order; the caller closes it.
   */
  public static List<Found> extract(Reader reader) throws IOException {
    Objects.requireNonNull(reader, "reader");
    BufferedReader lines =
        reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    Map<String, long[]> seen = new LinkedHashMap<>(); // key -> {first line, count}
    long number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      Matcher matcher =
          org.interviewtasks.junior.apps.EmailExtractor.EMAIL.matcher(deobfuscate(line));
      while (matcher.find()) {
        if (matcher.group().length() > org.interviewtasks.junior.apps.EmailExtractor.MAX_LENGTH) {
          continue;
        }
        String address =
            matcher.group("local") + "@" + matcher.group("domain").toLowerCase(Locale.ROOT);
        long firstLine = number;
        seen.computeIfAbsent(address, key -> new long[] {firstLine, 0})[1]++;
      }
    }
    List<Found> found = new ArrayList<>(seen.size());
    seen.forEach((address, data) -> found.add(new Found(address, data[0], data[1])));
    return List.copyOf(found);
  }

  /**
   * Prints {@code address<TAB>first line<TAB>occurrences} for each address in the UTF-8 files
   * given, file by file.
   *
   * @throws IllegalArgumentException if no file is given
   * @throws IOException if a file cannot be read
   */
  public static void main(String... args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: mid.apps.3 <file> [file...]");
    }
    for (String name : args) {
      for (Found found : extract(Args.toPath(name))) {
        System.out.println(found.address() + "\t" + found.firstLine() + "\t" + found.occurrences());
      }
    }
  }
}
