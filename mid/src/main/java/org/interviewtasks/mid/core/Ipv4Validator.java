package org.interviewtasks.mid.core;

import java.util.Locale;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * Validates an IPv4 address in strict dotted-quad form, such as {@code 192.168.0.1}, and converts
 * it to and from its 32-bit value.
 *
 * <p><b>The rules.</b> Exactly four parts separated by single dots; each part one to three ASCII
 * digits {@code 0-9} with a value from 0 to 255; no leading zeros ({@code 01} is rejected: several
 * libraries, and {@code inet_aton}, read it as octal, so {@code 010} would mean 8); nothing else,
 * so no signs, spaces (trim first if the input may carry them), or other digits. That last point is
 * a real pitfall: {@link Character#isDigit(char)} is true for the Arabic-Indic {@code ٣}, the
 * Devanagari {@code ३} and dozens more, and {@link Integer#parseInt(String)} happily parses them.
 *
 * <p><b>Approach.</b> One pass over the characters that checks each part as it ends: O(n) time,
 * O(1) space, no regular expression, no splitting into substrings, no exceptions inside {@link
 * #isValid} (exceptions cost a stack trace, too slow for bulk validation). {@link #parse} runs the
 * same pass and throws {@link IllegalArgumentException} naming the first problem and the part it is
 * in. An address is a 32-bit unsigned number; Java has no unsigned int, so {@link #parse} returns
 * it in an {@code int} read as unsigned: {@code 255.255.255.255} is {@code -1}, and {@link
 * Integer#toUnsignedLong(int)} shows 4294967295.
 *
 * <p><b>Why not {@link java.net.InetAddress#getByName(String)}?</b> It is a resolver, not a
 * validator: a string that is not a literal address is looked up in DNS (slow, and network access
 * for what should be a pure check), and the literal forms it accepts are more than dotted quads:
 * {@code "1"} is 0.0.0.1 and {@code "127.1"} is 127.0.0.1; other parsers, such as {@code
 * inet_aton}, also take hexadecimal ({@code 0x7f.1}) and octal parts. Each such leniency has
 * allowed filters to be bypassed (SSRF), so validation should be strict and explicit.
 *
 * <p><b>Follow-up.</b> <i>"CIDR notation, {@code 10.0.0.0/8}?"</i> Validate the address and a
 * prefix 0–32, then compare {@code address & mask}. <i>"IPv6?"</i> Eight groups of hex digits with
 * {@code ::} compression and optional embedded IPv4: use a vetted parser (Guava's {@code
 * InetAddresses.forString} is literal-only, never DNS).
 */
@Task(id = "mid.core.10", title = "Validate an IPv4 address", usage = "<address> [address...]")
public final class Ipv4Validator {

  private Ipv4Validator() {}

  /** Whether {@code address} is a strict dotted-quad IPv4 address; false for null. */
  public static boolean isValid(String address) {
    return address != null && check(address, false) >= 0;
  }

  /**
   * The 32-bit value of a strict dotted-quad address, as an unsigned int.
   *
   * @throws IllegalArgumentException naming the first problem, if it is not one
   */
  public static int parse(String address) {
    Objects.requireNonNull(address, "address");
    return (int) check(address, true);
  }

  /** The dotted-quad form of a 32-bit address. */
  public static String format(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xFF)
        + "."
        + ((address >>> 8) & 0xFF)
        + "."
        + (address & 0xFF);
  }

  /**
   * The address as a non-negative long, or -1 if it is invalid and {@code explain} is false; throws
   * the reason if it is invalid and {@code explain} is true.
   */
  private static long check(String address, boolean explain) {
    if (address.isEmpty()) {
      return fail(explain, "empty address");
    }
    int dots = 0;
    for (int i = 0; i < address.length(); i++) {
      if (address.charAt(i) == '.') {
        dots++;
      }
    }
    if (dots != 3) {
      return fail(
          explain,
          "expected 4 parts separated by '.', found " + (dots + 1) + ": '" + address + "'");
    }
    long value = 0;
    int part = 1;
    int start = 0;
    for (int i = 0; i <= address.length(); i++) {
      if (i < address.length() && address.charAt(i) != '.') {
        continue;
      }
      int octet = octet(address, start, i, part, explain);
      if (octet < 0) {
        return -1;
      }
      value = (value << 8) | octet;
      part++;
      start = i + 1;
    }
    return value;
  }

  /** The value of the part {@code address[start, end)}, or -1 (or a throw) if it is invalid. */
  private static int octet(String address, int start, int end, int part, boolean explain) {
    if (start == end) {
      return fail(explain, "part " + part + " is empty: '" + address + "'");
    }
    String text = address.substring(start, end);
    for (int i = start; i < end; i = address.offsetByCodePoints(i, 1)) {
      int c = address.codePointAt(i);
      if (c < '0' || c > '9') {
        return fail(
            explain,
            "part "
                + part
                + " has '"
                + Character.toString(c)
                + "' (U+"
                + String.format(Locale.ROOT, "%04X", c)
                + "), not an ASCII digit: '"
                + text
                + "'");
      }
    }
    if (end - start > 1 && address.charAt(start) == '0') {
      return fail(explain, "part " + part + " has a leading zero: '" + text + "'");
    }
    if (end - start > 3) {
      return fail(explain, "part " + part + " is out of range 0-255: '" + text + "'");
    }
    int value = Integer.parseInt(text);
    if (value > 255) {
      return fail(explain, "part " + part + " is out of range 0-255: '" + text + "'");
    }
    return value;
  }

  private static int fail(boolean explain, String problem) {
    if (explain) {
      throw new IllegalArgumentException("not an IPv4 address: " + problem);
    }
    return -1;
  }

  /**
   * Prints, for each argument, whether it is a valid address, and if not, why, e.g. {@code
   * 10.0.0.1: valid} or {@code 10.0.0.01: invalid (part 4 has a leading zero: '01')}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: mid.core.10 <address> [address...]");
    }
    for (String arg : args) {
      try {
        parse(arg);
        System.out.println(arg + ": valid");
      } catch (IllegalArgumentException e) {
        System.out.println(
            arg + ": invalid (" + e.getMessage().substring("not an IPv4 address: ".length()) + ")");
      }
    }
  }
}
