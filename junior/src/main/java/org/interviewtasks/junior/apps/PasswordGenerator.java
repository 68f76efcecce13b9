package org.interviewtasks.junior.apps;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.interviewtasks.common.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Generates random passwords of a given length from chosen character classes, with a command line.
 *
 * <p><b>Approach.</b> Randomness comes from {@link SecureRandom}, a cryptographically strong
 * generator; {@code java.util.Random} is a 48-bit linear congruential generator whose next outputs
 * can be computed from a couple of earlier ones. Each character is {@code alphabet[nextInt(n)]}:
 * {@code nextInt(bound)} rejects the top sliver of the generator's range, so every character is
 * exactly equally likely, where {@code nextInt() % n} or {@code nextByte() % n} would favour the
 * first characters (modulo bias). To guarantee at least one character of each requested class the
 * generator draws the whole password from the union and draws again if a class is missing
 * (rejection sampling): every valid password is then exactly equally likely. The popular
 * alternative, one character forced from each class and the rest from the union, then shuffled,
 * over-represents small classes such as digits. Rejection costs little: a 16-character password
 * from all four classes is valid on the first draw about 4 times in 5 (digits, the smallest class,
 * are the one most often missing); the worst case, length equal to the number of classes, needs
 * about 15 draws. O(length) expected time.
 *
 * <p><b>Edge cases.</b> The length must hold one character of each class ({@code length >=
 * classes}) and be at most {@value #MAX_LENGTH}; at least one class is required. Symbols are the 32
 * ASCII punctuation characters (no space, which many sites reject). The generator takes any {@link
 * RandomGenerator}, so tests inject a seeded one and check the distribution; the command line
 * always uses {@code SecureRandom}.
 *
 * <p><b>Follow-up.</b> <i>"How strong is it?"</i> Entropy is {@code length * log2(alphabet)} bits,
 * slightly less with the class guarantee: 16 characters from 94 give about 105 bits. <i>"Easier to
 * type?"</i> Drop look-alikes ({@code 0O1lI}) or generate a passphrase of words from a list of 7776
 * (diceware: about 12.9 bits per word).
 */
@Task(id = "junior.apps.5", title = "Password generator")
public final class PasswordGenerator {

  /** The longest password generated. */
  public static final int MAX_LENGTH = 1024;

  /** A set of characters a password may be asked to include. */
  public enum CharacterClass {
    /** {@code a-z}. */
    LOWERCASE("abcdefghijklmnopqrstuvwxyz"),
    /** {@code A-Z}. */
    UPPERCASE("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    /** {@code 0-9}. */
    DIGITS("0123456789"),
    /** The 32 ASCII punctuation characters, {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}. */
    SYMBOLS("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");

    private final String characters;

    CharacterClass(String characters) {
      this.characters = characters;
    }

    /** The characters of the class. */
    public String characters() {
      return characters;
    }

    /** Whether {@code c} belongs to the class. */
    public boolean contains(char c) {
      return characters.indexOf(c) >= 0;
    }
  }

  private final RandomGenerator random;

  /** A generator drawing from a new {@link SecureRandom}. */
  public PasswordGenerator() {
    this(new SecureRandom());
  }

  /** A generator drawing from {@code random}: pass a {@link SecureRandom} for real passwords. */
  public PasswordGenerator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** A password of {@code length} characters with at least one of every class. */
  public String generate(int length) {
    return generate(length, EnumSet.allOf(CharacterClass.class));
  }

  /**
   * A password of {@code length} characters drawn from {@code classes}, with at least one character
   * of each, every such password being equally likely.
   *
   * @throws IllegalArgumentException if there are no classes, or the length is below their number
   *     or above {@value #MAX_LENGTH}
   */
  public String generate(int length, Set<CharacterClass> classes) {
    Objects.requireNonNull(classes, "classes");
    if (classes.isEmpty()) {
      throw new IllegalArgumentException("choose at least one character class");
    }
    if (length < classes.size()) {
      throw new IllegalArgumentException(
          "a password of length "
              + length
              + " cannot hold one character of each of "
              + classes.size()
              + " classes");
    }
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "length must be at most " + MAX_LENGTH + ", was " + length);
    }
    Set<CharacterClass> wanted = EnumSet.copyOf(classes);
    String alphabet = wanted.stream().map(CharacterClass::characters).collect(Collectors.joining());
    char[] password = new char[length];
    do {
      for (int i = 0; i < length; i++) {
        password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
    } while (!hasEveryClass(password, wanted));
    return new String(password);
  }

  private static boolean hasEveryClass(char[] password, Set<CharacterClass> classes) {
    Set<CharacterClass> missing = EnumSet.copyOf(classes);
    for (char c : password) {
      missing.removeIf(characterClass -> characterClass.contains(c));
      if (missing.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs the password command line with {@code random} and the given writers and returns its exit
   * code.
   */
  public static int run(RandomGenerator random, PrintWriter out, PrintWriter err, String... args) {
    return Cli.execute(new Command(new PasswordGenerator(random)), out, err, args);
  }

  /**
   * Prints passwords drawn from {@link SecureRandom}, e.g. {@code 20 --no-symbols}.
   *
   * @throws IllegalArgumentException on a usage error (the task runner's exit code 2)
   */
  public static void main(String... args) {
    Cli.main("junior.apps.5", new Command(new PasswordGenerator()), args);
  }

  @picocli.CommandLine.Command(
      name = "junior.apps.5",
      mixinStandardHelpOptions = true,
      versionProvider = Cli.Version.class,
      description = {
        "Prints random passwords with at least one character of each chosen class.",
        "Uses SecureRandom; every valid password is equally likely."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:done", "2:usage error"})
  private static final class Command implements Callable<Integer> {

    private static final int MAX_COUNT = 1000;

    private final PasswordGenerator generator;

    @Spec private CommandSpec spec;

    @Parameters(
        arity = "0..1",
        paramLabel = "LENGTH",
        defaultValue = "16",
        description = "Characters per password (default: ${DEFAULT-VALUE}).")
    private int length;

    @Option(
        names = {"-n", "--count"},
        paramLabel = "COUNT",
        defaultValue = "1",
        description = "How many passwords, one per line (default: ${DEFAULT-VALUE}).")
    private int count;

    @Option(
        names = "--lower",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Lowercase letters a-z (default: on).")
    private boolean lower;

    @Option(
        names = "--upper",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Uppercase letters A-Z (default: on).")
    private boolean upper;

    @Option(
        names = "--digits",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "Digits 0-9 (default: on).")
    private boolean digits;

    @Option(
        names = "--symbols",
        negatable = true,
        defaultValue = "true",
        fallbackValue = "true",
        description = "ASCII punctuation such as ! # %% _ (default: on).")
    private boolean symbols;

    Command(PasswordGenerator generator) {
      this.generator = generator;
    }

    @Override
    public Integer call() {
      if (count < 1 || count > MAX_COUNT) {
        throw usage("--count must be between 1 and " + MAX_COUNT + ", was " + count);
      }
      Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
      addIf(lower, CharacterClass.LOWERCASE, classes);
      addIf(upper, CharacterClass.UPPERCASE, classes);
      addIf(digits, CharacterClass.DIGITS, classes);
      addIf(symbols, CharacterClass.SYMBOLS, classes);
      PrintWriter out = spec.commandLine().getOut();
      for (int i = 0; i < count; i++) {
        try {
          out.println(generator.generate(length, classes));
        } catch (IllegalArgumentException e) {
          throw usage(e.getMessage());
        }
      }
      return Cli.OK;
    }

    private static void addIf(boolean wanted, CharacterClass c, Set<CharacterClass> classes) {
      if (wanted) {
        classes.add(c);
      }
    }

    private ParameterException usage(String message) {
      return new ParameterException(spec.commandLine(), message);
    }
  }
}
