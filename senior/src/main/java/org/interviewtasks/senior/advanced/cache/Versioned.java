package org.interviewtasks.senior.advanced.cache;

import java.util.Objects;

/**
 * A cache entry as stored on a node: a version, and either a value or a tombstone (an invalidation,
 * kept as long as any copy it supersedes could live).
 *
 * <p>Sent as text {@code <19-digit version>:<V|T>:<value>}, so that the version is a fixed-width
 * decimal prefix: a Lua script on the node compares two versions as strings, with no number
 * conversion (Lua numbers are doubles, exact only to 2^53). The node stores it with its logical
 * expiry (node time in ms, 15 digits) spliced in after the version: {@code
 * <version>:<expiry>:<V|T>:<value>} ({@link #fromStored}).
 *
 * @param version the write's version; a larger version is newer
 * @param value the value, or null for a tombstone
 */
record Versioned(long version, String value) {

  static final int VERSION_DIGITS = 19;
  static final int EXPIRY_DIGITS = 15;

  Versioned {
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative: " + version);
    }
  }

  static Versioned tombstone(long version) {
    return new Versioned(version, null);
  }

  boolean isTombstone() {
    return value == null;
  }

  String encode() {
    return versionText(version) + (value == null ? ":T:" : ":V:" + value);
  }

  static String versionText(long version) {
    return String.format("%019d", version);
  }

  /**
   * Parses what {@link #encode()} wrote.
   *
   * @throws IllegalArgumentException if the text is not an entry of this cache
   */
  static Versioned decode(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() < VERSION_DIGITS + 3
        || text.charAt(VERSION_DIGITS) != ':'
        || text.charAt(VERSION_DIGITS + 2) != ':') {
      throw new IllegalArgumentException("not a cache entry: " + abbreviate(text));
    }
    long version;
    try {
      version = Long.parseLong(text.substring(0, VERSION_DIGITS));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cache entry: " + abbreviate(text), e);
    }
    return switch (text.charAt(VERSION_DIGITS + 1)) {
      case 'V' -> new Versioned(version, text.substring(VERSION_DIGITS + 3));
      case 'T' -> tombstone(version);
      default -> throw new IllegalArgumentException("not a cache entry: " + abbreviate(text));
    };
  }

  /**
   * Parses an entry as a node stores it, with its expiry after the version.
   *
   * @throws IllegalArgumentException if the text is not a stored entry of this cache
   */
  static Versioned fromStored(String text) {
    Objects.requireNonNull(text, "text");
    int expiryEnd = VERSION_DIGITS + 1 + EXPIRY_DIGITS;
    if (text.length() < expiryEnd + 3
        || text.charAt(VERSION_DIGITS) != ':'
        || text.charAt(expiryEnd) != ':') {
      throw new IllegalArgumentException("not a stored cache entry: " + abbreviate(text));
    }
    return decode(text.substring(0, VERSION_DIGITS) + text.substring(expiryEnd));
  }

  /** The logical expiry (node time, epoch ms) of an entry as a node stores it. */
  static long expiryOfStored(String text) {
    fromStored(text);
    return Long.parseLong(text.substring(VERSION_DIGITS + 1, VERSION_DIGITS + 1 + EXPIRY_DIGITS));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
