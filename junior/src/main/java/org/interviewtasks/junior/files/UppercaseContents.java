package org.interviewtasks.junior.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Args;
import org.interviewtasks.common.Task;

/**
 * Reads a file, converts its contents to upper case and writes them to a new file.
 *
 * <p><b>Approach.</b> Line by line through {@link String#toUpperCase(Locale)}, into a temporary
 * file that replaces the target in one atomic rename: O(n) time, O(longest line) memory, and a
 * failure halfway (a source that turns out not to be UTF-8 at line 10,000) leaves the target as it
 * was. The target may be the source itself.
 *
 * <p><b>Edge cases.</b> The locale is {@link Locale#ROOT} unless one is given, never the default
 * one: on a Turkish machine {@code "title".toUpperCase()} is {@code "TİTLE"} with a dotted İ, which
 * breaks file names, keywords and tests alike; pass {@code Locale.forLanguageTag("tr")} when that
 * is what the text needs. Upper-casing can change the length: {@code ß} becomes {@code SS}, the
 * ligature {@code ﬁ} becomes {@code FI}. Characters without case (digits, CJK, emoji) are kept.
 * Line endings are kept as they were, line by line, and so is a last line without a terminator. A
 * source that is not UTF-8 is a {@link MalformedFileException}.
 *
 * <p><b>Follow-up.</b> <i>"Title case, or case-insensitive comparison?"</i> Different operations:
 * {@code Character.toTitleCase} per word, and {@code equalsIgnoreCase} or a {@code Collator} to
 * compare; upper-casing both sides is wrong for {@code ß}. <i>"Why not read the file whole?"</i>
 * For a small file it would do; line by line works for a file of any size.
 */
@Task(id = "junior.files.14", title = "Upper-case the contents of a file into a new file")
public final class UppercaseContents {

  private UppercaseContents() {}

  /**
   * Writes {@code source} upper-cased by {@link Locale#ROOT} rules to {@code target}, atomically.
   *
   * @throws MalformedFileException if the source is not valid UTF-8; the target is then unchanged
   * @throws java.nio.file.NoSuchFileException if the source or the target's folder is missing
   */
  public static void uppercase(Path source, Path target) throws IOException {
    uppercase(source, target, Locale.ROOT);
  }

  /**
   * Writes {@code source} upper-cased by the rules of {@code locale} to {@code target}, atomically.
   *
   * @throws MalformedFileException if the source is not valid UTF-8; the target is then unchanged
   * @throws java.nio.file.NoSuchFileException if the source or the target's folder is missing
   */
  public static void uppercase(Path source, Path target, Locale locale) throws IOException {
    Objects.requireNonNull(locale, "locale");
    AtomicWrite.rewriteLines(source, target, text -> text.toUpperCase(locale));
  }

  /**
   * Writes the file named by the first argument upper-cased to the file named by the second.
   *
   * @throws IllegalArgumentException unless there are exactly two arguments
   */
  public static void main(String... args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: junior.files.14 <source> <target>");
    }
    uppercase(Args.toPath(args[0]), Args.toPath(args[1]));
    System.out.println("written to " + args[1]);
  }
}
