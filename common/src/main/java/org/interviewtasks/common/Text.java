package org.interviewtasks.common;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The project's one Unicode policy for text that crosses a boundary (hashed, stored, sent): text
 * must round-trip exactly, so a string holding an <i>unpaired surrogate</i> (a UTF-16 half that is
 * not part of a pair, which no UTF-8 or Unicode scalar value can represent) is rejected with an
 * {@link IllegalArgumentException} naming the argument and the index, never replaced.
 *
 * <p>Why reject rather than replace: {@link String#getBytes(java.nio.charset.Charset)} silently
 * turns each unpaired half into {@code '?'}, so {@code "\uD800"} and {@code "?"} become the same
 * key, and a value stored as {@code "a\uD800b"} comes back as {@code "a?b"}. A named error at the
 * boundary is the only answer that neither loses data nor merges two inputs into one.
 */
public final class Text {

  private Text() {}

  /**
   * The index of the first unpaired surrogate in {@code text}, or -1 if every surrogate is paired.
   */
  public static int firstUnpairedSurrogate(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * {@code text}, checked to be well-formed Unicode.
   *
   * @param name the argument's name, for the messages
   * @throws NullPointerException named {@code name} if {@code text} is null
   * @throws IllegalArgumentException "NAME contains an unpaired surrogate at index I" otherwise
   */
  public static String requireWellFormed(String text, String name) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, name);
    int at = firstUnpairedSurrogate(text);
    if (at >= 0) {
      throw new IllegalArgumentException(
          name
              + " contains an unpaired surrogate at index "
              + at
              + String.format(" (U+%04X)", (int) text.charAt(at)));
    }
    return text;
  }

  /**
   * The UTF-8 bytes of {@code text}, which decode back to exactly {@code text}.
   *
   * @param name the argument's name, for the messages
   * @throws IllegalArgumentException if {@code text} holds an unpaired surrogate
   */
  public static byte[] utf8(String text, String name) {
    return requireWellFormed(text, name).getBytes(StandardCharsets.UTF_8);
  }
}
