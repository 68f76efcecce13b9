package org.interviewtasks.junior.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.apps.PasswordGenerator.CharacterClass;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordGeneratorTest {

  private static final Set<CharacterClass> ALL = EnumSet.allOf(CharacterClass.class);

  @Nested
  class Classes {

    @Test
    void haveTheDocumentedCharacters() {
      assertThat(CharacterClass.LOWERCASE.characters()).isEqualTo("abcdefghijklmnopqrstuvwxyz");
      assertThat(CharacterClass.UPPERCASE.characters()).isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
      assertThat(CharacterClass.DIGITS.characters()).isEqualTo("0123456789");
      String punctuation =
          "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
              .chars()
              .filter(c -> Character.getType(c) != Character.SPACE_SEPARATOR)
              .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
              .toString();
      assertThat(CharacterClass.SYMBOLS.characters()).isEqualTo(punctuation).hasSize(32);
    }

    @Test
    void togetherTheyAreThe94PrintableAsciiCharacters() {
      String all = ALL.stream().map(CharacterClass::characters).collect(Collectors.joining());

      assertThat(all.chars().sorted().toArray())
          .containsExactly(java.util.stream.IntStream.rangeClosed('!', '~').toArray());
    }

    @ParameterizedTest
    @EnumSource(CharacterClass.class)
    void containsExactlyItsCharacters(CharacterClass characterClass) {
      for (char c = 0; c < 128; c++) {
        assertThat(characterClass.contains(c))
            .as("%s contains %s", characterClass, c)
            .isEqualTo(characterClass.characters().indexOf(c) >= 0);
      }
      assertThat(characterClass.contains('é')).isFalse();
    }
  }

  @Nested
  class Guarantees {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("org.interviewtasks.junior.apps.PasswordGeneratorTest#seeds")
    void hasTheLengthOnlyChosenClassesAndEachOfThem(long seed) {
      var random = new SplittableRandom(seed);
      Set<CharacterClass> classes = randomClasses(random);
      int length = random.nextInt(classes.size(), 40);

      String password = new PasswordGenerator(new SplittableRandom(seed)).generate(length, classes);

      assertThat(password).hasSize(length);
      assertThat(password.chars())
          .allSatisfy(c -> assertThat(classes).anyMatch(k -> k.contains((char) c.intValue())));
      for (CharacterClass k : classes) {
        assertThat(password.chars())
            .as("%s in %s", k, password)
            .anyMatch(c -> k.contains((char) c.intValue()));
      }
    }

    @Test
    void lengthEqualToTheNumberOfClassesHasOneOfEach() {
      var generator = new PasswordGenerator(new Random(42));
      for (int i = 0; i < 200; i++) {
        String password = generator.generate(4);

        assertThat(password.chars().mapToObj(c -> classOf((char) c)).collect(Collectors.toSet()))
            .isEqualTo(ALL);
      }
    }

    @Test
    void defaultsToAllClasses() {
      String password = new PasswordGenerator(new Random(7)).generate(64);

      assertThat(password.chars().mapToObj(c -> classOf((char) c)).collect(Collectors.toSet()))
          .isEqualTo(ALL);
    }

    @Test
    void theSameSeedGivesTheSamePasswordAndTheDefaultIsSecure() {
      assertThat(new PasswordGenerator(new Random(1)).generate(20))
          .isEqualTo(new PasswordGenerator(new Random(1)).generate(20));
      assertThat(new PasswordGenerator().generate(MAX)).hasSize(MAX);
    }

    @Test
    void singleClassPasswords() {
      var generator = new PasswordGenerator(new Random(3));

      assertThat(generator.generate(12, Set.of(CharacterClass.DIGITS))).matches("[0-9]{12}");
      assertThat(generator.generate(1, Set.of(CharacterClass.UPPERCASE))).matches("[A-Z]");
    }
  }

  @Nested
  class Distribution {

    @Test
    void everyCharacterIsEquallyLikely() {
      var generator = new PasswordGenerator(new Random(2024));
      Map<Character, Integer> counts = new HashMap<>();
      int passwords = 2_000;
      int length = 47;
      for (int i = 0; i < passwords; i++) {
        generator.generate(length).chars().forEach(c -> counts.merge((char) c, 1, Integer::sum));
      }
      double expected = passwords * length / 94.0;

      assertThat(counts).hasSize(94);
      // chi-square with 93 degrees of freedom: mean 93, standard deviation 13.6
      assertThat(chiSquare(counts.values(), expected)).isLessThan(93 + 5 * 13.6);
    }

    @Test
    void everyValidPasswordIsEquallyLikely() {
      var generator = new PasswordGenerator(new Random(99));
      Set<CharacterClass> classes = EnumSet.of(CharacterClass.DIGITS, CharacterClass.SYMBOLS);
      Map<String, Integer> counts = new HashMap<>();
      int valid = 2 * 10 * 32;
      int samples = valid * 100;
      for (int i = 0; i < samples; i++) {
        counts.merge(generator.generate(2, classes), 1, Integer::sum);
      }

      assertThat(counts).hasSize(valid);
      // chi-square with 639 degrees of freedom: mean 639, standard deviation 35.7
      assertThat(chiSquare(counts.values(), 100.0)).isLessThan(639 + 5 * 35.7);
    }

    @Test
    void positionsAreIndependentOfTheGuarantee() {
      var generator = new PasswordGenerator(new Random(5));
      int[] digitsAt = new int[8];
      int passwords = 20_000;
      for (int i = 0; i < passwords; i++) {
        String password = generator.generate(8);
        for (int p = 0; p < 8; p++) {
          if (CharacterClass.DIGITS.contains(password.charAt(p))) {
            digitsAt[p]++;
          }
        }
      }
      List<Double> shares = new ArrayList<>();
      for (int count : digitsAt) {
        shares.add(count / (double) passwords);
      }

      double mean = shares.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

      // the same share at every position: a digit forced into one place would show there
      assertThat(mean).isBetween(10 / 94.0, 0.25);
      assertThat(shares).allSatisfy(share -> assertThat(share).isCloseTo(mean, within(0.01)));
    }

    private static double chiSquare(Iterable<Integer> observed, double expected) {
      double sum = 0;
      for (int o : observed) {
        sum += (o - expected) * (o - expected) / expected;
      }
      return sum;
    }
  }

  @Nested
  class Errors {

    private final PasswordGenerator generator = new PasswordGenerator(new Random(0));

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {-1, 0, 3})
    void tooShortForTheClasses(int length) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> generator.generate(length))
          .withMessage(
              "a password of length " + length + " cannot hold one character of each of 4 classes");
    }

    @Test
    void tooLong() {
      assertThat(generator.generate(MAX, ALL)).hasSize(MAX);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> generator.generate(MAX + 1, ALL))
          .withMessage("length must be at most 1024, was 1025");
    }

    @Test
    void noClasses() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> generator.generate(8, Set.of()))
          .withMessage("choose at least one character class");
      assertThatNullPointerException()
          .isThrownBy(() -> generator.generate(8, null))
          .withMessage("classes");
      assertThatNullPointerException()
          .isThrownBy(() -> new PasswordGenerator(null))
          .withMessage("random");
    }
  }

  @Nested
  class CommandLine {

    private static CommandRun passwords(String... args) throws Exception {
      return CommandRun.of((out, err) -> PasswordGenerator.run(new Random(11), out, err, args));
    }

    @Test
    void printsOne16CharacterPasswordByDefault() throws Exception {
      CommandRun run = passwords();

      assertThat(run.code()).isZero();
      assertThat(run.lines()).singleElement().satisfies(p -> assertThat(p).hasSize(16));
      assertThat(run.lines().get(0)).isEqualTo(new PasswordGenerator(new Random(11)).generate(16));
    }

    @Test
    void lengthCountAndClasses() throws Exception {
      CommandRun run = passwords("24", "-n", "5", "--no-symbols", "--no-upper");

      assertThat(run.lines()).hasSize(5).allSatisfy(p -> assertThat(p).matches("[a-z0-9]{24}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "--no-lower, '[A-Z0-9\\p{Punct}]{12}'",
      "--no-digits, '[a-zA-Z\\p{Punct}]{12}'",
      "--no-symbols, '[a-zA-Z0-9]{12}'",
      "--no-upper, '[a-z0-9\\p{Punct}]{12}'"
    })
    void eachClassCanBeTurnedOff(String option, String pattern) throws Exception {
      CommandRun run = passwords("12", option, "--count=20");

      assertThat(run.lines()).hasSize(20).allSatisfy(p -> assertThat(p).matches(pattern));
    }

    @Test
    void aClassNamedExplicitlyStaysOn() throws Exception {
      CommandRun run = passwords("6", "--no-lower", "--no-upper", "--symbols", "--digits");

      assertThat(run.lines())
          .singleElement()
          .satisfies(p -> assertThat(p).matches("[0-9\\p{Punct}]{6}"));
    }

    @Test
    void tooShortIsAUsageError() throws Exception {
      CommandRun run = passwords("3");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err())
          .startsWith("a password of length 3 cannot hold one character of each of 4 classes")
          .contains("Usage: junior.apps.5");
    }

    @Test
    void noClassIsAUsageError() throws Exception {
      CommandRun run = passwords("--no-lower", "--no-upper", "--no-digits", "--no-symbols");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("choose at least one character class");
    }

    @ParameterizedTest(name = "--count {0}")
    @ValueSource(strings = {"0", "1001"})
    void countOutOfRangeIsAUsageError(String count) throws Exception {
      CommandRun run = passwords("--count", count);

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).startsWith("--count must be between 1 and 1000, was " + count);
    }

    @Test
    void countAtTheLimits() throws Exception {
      assertThat(passwords("-n", "1").lines()).hasSize(1);
      assertThat(passwords("-n", "1000", "4").lines()).hasSize(1000);
    }

    @Test
    void aNonNumericLengthIsAUsageError() throws Exception {
      CommandRun run = passwords("long");

      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("'long' is not an int");
    }

    @Test
    void helpShowsTheNegatableOptionsWithoutWarnings() throws Exception {
      CommandRun[] run = new CommandRun[1];
      var console = StdStreams.capture(() -> run[0] = passwords("--help"));

      assertThat(run[0].code()).isZero();
      assertThat(run[0].out())
          .startsWith("Usage: junior.apps.5")
          .contains("--[no-]symbols")
          .contains("--[no-]digits")
          .contains("such as ! # % _");
      assertThat(console.err()).as("picocli's own warnings").isEmpty();
    }
  }

  @Nested
  class Main {

    @Test
    void printsSecurePasswords() throws Exception {
      var printed = StdStreams.capture(() -> PasswordGenerator.main("30", "-n", "3"));

      assertThat(printed.out().lines().toList())
          .hasSize(3)
          .allSatisfy(p -> assertThat(p).hasSize(30))
          .doesNotHaveDuplicates();
    }

    @Test
    void usageErrorsBecomeIllegalArgumentException() throws Exception {
      var printed =
          StdStreams.capture(
              () ->
                  assertThatThrownBy(() -> PasswordGenerator.main("2"))
                      .isInstanceOf(IllegalArgumentException.class)
                      .hasMessage("usage: junior.apps.5 --help shows how to call it"));

      assertThat(printed.err()).startsWith("a password of length 2 cannot hold");
    }
  }

  private static final int MAX = PasswordGenerator.MAX_LENGTH;

  private static CharacterClass classOf(char c) {
    return ALL.stream().filter(k -> k.contains(c)).findFirst().orElseThrow();
  }

  private static Set<CharacterClass> randomClasses(SplittableRandom random) {
    Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
    while (classes.isEmpty()) {
      for (CharacterClass k : CharacterClass.values()) {
        if (random.nextBoolean()) {
          classes.add(k);
        }
      }
    }
    return classes;
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
