package org.interviewtasks.senior.architecture.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interviewtasks.senior.architecture.validation.Constraints.email;
import static org.interviewtasks.senior.architecture.validation.Constraints.length;
import static org.interviewtasks.senior.architecture.validation.Constraints.max;
import static org.interviewtasks.senior.architecture.validation.Constraints.min;
import static org.interviewtasks.senior.architecture.validation.Constraints.notNull;
import static org.interviewtasks.senior.architecture.validation.Constraints.positive;
import static org.interviewtasks.senior.architecture.validation.Constraints.size;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.senior.architecture.validation.Customers.Address;
import org.interviewtasks.senior.architecture.validation.Customers.Customer;
import org.interviewtasks.senior.architecture.validation.Customers.Item;
import org.interviewtasks.senior.architecture.validation.Customers.Reported;
import org.interviewtasks.senior.architecture.validation.DataValidationFramework.SignUp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DataValidationFrameworkTest {

  private static ValidatorFactory factory;
  private static jakarta.validation.Validator hibernate;

  @BeforeAll
  static void startHibernateValidator() {
    // Parameter interpolation ({min}, {max}, {regexp}) needs no expression language on the path.
    factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    hibernate = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static final Address HOME = new Address("1 Main St", "12345");
  static final Item BOOK = new Item("SKU-1", 2, new BigDecimal("9.99"));
  static final Customer GOOD =
      new Customer("Ann", "ann@example.com", 42, HOME, List.of(BOOK), List.of("vip"));

  static Stream<Arguments> customers() {
    return Stream.of(
        Arguments.of("valid", GOOD, List.of()),
        Arguments.of(
            "valid, optional parts absent",
            new Customer("Bo", "", null, HOME, List.of(BOOK), null),
            List.of()),
        Arguments.of(
            "everything missing",
            new Customer(null, null, null, null, null, null),
            List.of("name NotNull", "email NotNull", "address NotNull", "items NotEmpty")),
        Arguments.of(
            "short name and bad email",
            new Customer("A", "two@@example.com", 17, HOME, List.of(BOOK), List.of()),
            List.of("name Size", "email Email", "age Min")),
        Arguments.of(
            "nested address",
            new Customer("Ann", "a@b", 150, new Address(" ", "1234"), List.of(BOOK), null),
            List.of("address.street NotBlank", "address.zip Pattern")),
        Arguments.of(
            "order lines and tags, by index",
            new Customer(
                "Ann",
                "ann@example.com",
                151,
                HOME,
                List.of(BOOK, new Item("AB", 0, BigDecimal.ZERO), BOOK, new Item(null, 100, null)),
                List.of("ok", " ", "")),
            List.of(
                "age Max",
                "items[1].sku Size",
                "items[1].quantity Min",
                "items[1].price Positive",
                "items[3].sku NotBlank",
                "items[3].quantity Max",
                "tags[1] NotBlank",
                "tags[2] NotBlank")),
        Arguments.of(
            "too many order lines",
            new Customer(
                "Ann",
                "ann@example.com",
                20,
                HOME,
                List.of(BOOK, BOOK, BOOK, BOOK, BOOK, BOOK),
                null),
            List.of("items Size")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customers")
  void reportsEveryViolationWithItsPathInDeclarationOrder(
      String name, Customer customer, List<String> expected) {
    List<String> ours =
        Customers.CUSTOMER.validate(customer).stream().map(v -> v.path() + " " + v.code()).toList();
    assertThat(ours).containsExactlyElementsOf(expected);
    assertSameAsHibernateValidator(customer);
  }

  static Stream<Long> seeds() {
    return Seeds.derive(3).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithHibernateValidatorOnRandomCustomers(long seed) {
    Customers.Generator generator = new Customers.Generator(seed);
    int valid = 0;
    int violations = 0;
    for (int i = 0; i < 400; i++) {
      Customer customer = generator.next();
      int found = assertSameAsHibernateValidator(customer);
      valid += found == 0 ? 1 : 0;
      violations += found;
    }
    assertThat(valid).as("valid customers").isGreaterThan(10);
    assertThat(violations).as("violations").isGreaterThan(400);
  }

  /** Same multiset of (path, kind, message); returns how many. */
  private static int assertSameAsHibernateValidator(Customer customer) {
    List<Reported> ours = Customers.CUSTOMER.validate(customer).stream().map(Reported::of).toList();
    List<Reported> theirs = hibernate.validate(customer).stream().map(Reported::of).toList();
    assertThat(ours).as(customer.toString()).containsExactlyInAnyOrderElementsOf(theirs);
    return ours.size();
  }

  // --- pipelines ------------------------------------------------------------------------------

  @Test
  void aPipelineNormalisesParsesAndValidatesIntoARecord() {
    Map<String, String> form =
        Map.of("name", "  Zoë   Åberg ", "email", " ZOE@Example.COM", "age", " 42 ");
    Result<SignUp> result = DataValidationFramework.parseSignUp(form);
    assertThat(result.isValid()).isTrue();
    assertThat(result.orElseThrow()).isEqualTo(new SignUp("Zoë Åberg", "zoe@example.com", 42));
    assertThat(result.violations()).isEmpty();
  }

  @Test
  void aPipelineReportsTheProblemsOfEveryField() {
    Map<String, String> form = new HashMap<>();
    form.put("name", " A ");
    form.put("email", "nope");
    form.put("age", "forty");
    Result<SignUp> result = DataValidationFramework.parseSignUp(form);
    assertThat(result.violations())
        .extracting(v -> v.path() + " " + v.code() + ": " + v.message())
        .containsExactly(
            "name Size: size must be between 2 and 40",
            "email Email: must be a well-formed email address",
            "age Integer: must be a whole number");
    assertThatThrownBy(result::orElseThrow)
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("3 violations: name: size must be between 2 and 40 [Size]; ")
        .satisfies(e -> assertThat(((ValidationException) e).violations()).hasSize(3));

    Result<SignUp> empty = DataValidationFramework.parseSignUp(Map.of("age", "12"));
    assertThat(empty.violations())
        .extracting(v -> v.path() + " " + v.code())
        .containsExactly("name NotBlank", "email NotBlank", "age Min");
    assertThat(DataValidationFramework.parseSignUp(Map.of()).violations())
        .extracting(v -> v.path() + " " + v.code())
        .containsExactly("name NotBlank", "email NotBlank", "age NotNull");
    assertThat(DataValidationFramework.AGE.run(" ").violations())
        .extracting(Violation::code)
        .containsExactly("Integer");
  }

  @Test
  void aPipelineStopsAtTheFirstFailingStepAndPassesNullThrough() {
    AtomicInteger ranged = new AtomicInteger();
    Pipeline<String, Integer> pipeline =
        Pipeline.<String>start()
            .parse(Integer::valueOf, "Integer", "must be a whole number")
            .validate(
                (value, path, violations) -> {
                  ranged.incrementAndGet();
                  min(0).validate(value, path, violations);
                });
    assertThat(pipeline.run("x").violations()).hasSize(1);
    assertThat(ranged).hasValue(0);
    assertThat(pipeline.run(null)).isEqualTo(Result.valid(null));
    assertThat(pipeline.run("-1", Path.root().field("n")).violations())
        .containsExactly(
            new Violation(Path.parse("n"), "Min", "must be greater than or equal to 0"));
    assertThat(Pipeline.<String>start().map(String::length).run(null))
        .isEqualTo(Result.valid(null));
  }

  // --- composition, custom and cross-field rules ---------------------------------------------

  record Booking(LocalDate from, LocalDate to) {}

  @Test
  void customAndCrossFieldRulesReportWhereTheyApply() {
    Validator<Booking> booking =
        Validator.<Booking>all(
                Validator.field("from", Booking::from, notNull()),
                Validator.field("to", Booking::to, notNull()))
            .then(
                Validator.<Booking>of(
                        b -> b.to().isAfter(b.from()), "DateOrder", "must be after from")
                    .at("to"));
    LocalDate day = LocalDate.of(2026, 1, 1);
    assertThat(booking.validate(new Booking(day, day.plusDays(1)))).isEmpty();
    assertThat(booking.validate(new Booking(day, day)))
        .containsExactly(new Violation(Path.root().field("to"), "DateOrder", "must be after from"));
    assertThat(booking.validate(new Booking(null, day)))
        .extracting(Violation::code)
        .containsExactly("NotNull"); // the order rule does not run on a booking that failed
    assertThat(booking.check(new Booking(day, day))).isInstanceOf(Result.Invalid.class);
    assertThat(booking.check(null)).isEqualTo(Result.valid(null));
  }

  @Test
  void andKeepsBothRulesViolationsAndWhenGuardsARule() {
    Validator<String> isbnLike =
        Validator.<String>of(s -> s.chars().allMatch(Character::isDigit), "Digits", "only digits")
            .and(length(10, 13));
    assertThat(isbnLike.validate("12a"))
        .extracting(Violation::code)
        .containsExactly("Digits", "Size");
    Validator<Integer> evenIfBig =
        Validator.<Integer>of(n -> n % 2 == 0, "Even", "must be even").when(n -> n > 100);
    assertThat(evenIfBig.validate(7)).isEmpty();
    assertThat(evenIfBig.validate(101)).extracting(Violation::code).containsExactly("Even");
    assertThat(evenIfBig.validate(null)).isEmpty();
  }

  @Test
  void builtInRulesCompareNumbersExactly() {
    assertThat(min(5).validate(new BigDecimal("4.999999999999999999"))).hasSize(1);
    assertThat(min(5).validate(new BigInteger("5"))).isEmpty();
    assertThat(max(Long.MAX_VALUE - 1).validate(Long.MAX_VALUE)).hasSize(1);
    assertThat(max(0).validate((byte) 1)).hasSize(1);
    assertThat(max(0).validate((short) 0)).isEmpty();
    assertThat(min(0).validate(Double.NaN)).hasSize(1);
    assertThat(max(0).validate(Float.NaN)).hasSize(1);
    assertThat(max(10).validate(Double.POSITIVE_INFINITY)).hasSize(1);
    assertThat(min(10).validate(Double.NEGATIVE_INFINITY)).hasSize(1);
    assertThat(max(10).validate(9.5)).isEmpty();
    assertThat(positive().validate(0.0)).hasSize(1);
    assertThat(positive().validate(Double.MIN_VALUE)).isEmpty();
    assertThat(size(1, 2).validate(List.of(1, 2, 3))).hasSize(1);
    assertThat(email().validate("x".repeat(65) + "@example.com")).hasSize(1);
    assertThat(email().validate("a@" + "b".repeat(256))).hasSize(1);
    assertThat(Constraints.pattern("[a-z]+").validate("abc1")).hasSize(1); // the whole text
  }

  // --- paths, results, input checks -----------------------------------------------------------

  @Test
  void pathsPrintAndParseLikeBeanValidation() {
    Path path = Path.root().field("items").index(3).field("sku");
    assertThat(path).hasToString("items[3].sku").isEqualTo(Path.parse("items[3].sku"));
    assertThat(path.hashCode()).isEqualTo(Path.parse("items[3].sku").hashCode());
    assertThat(Path.root().index(0).index(1)).hasToString("[0][1]");
    assertThat(Path.parse("")).isEqualTo(Path.root());
    assertThat(Path.root().isRoot()).isTrue();
    assertThat(path)
        .isNotEqualTo(Path.parse("items[2].sku"))
        .isNotEqualTo(Path.root())
        .isNotEqualTo("items[3].sku");
    assertThat(new Violation(Path.root(), "X", "bad")).hasToString("<root>: bad [X]");
    assertThatThrownBy(() -> Path.root().field("a.b")).hasMessageContaining("without . [ ]");
    assertThatThrownBy(() -> Path.root().field("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Path.root().index(-1)).hasMessage("index must be >= 0: -1");
    assertThatThrownBy(() -> Path.parse("a[1")).hasMessageContaining("unclosed '['");
    assertThatThrownBy(() -> Path.parse("a[x]")).hasMessageContaining("not an index");
    assertThatThrownBy(() -> Path.parse(".a")).hasMessageContaining("starts with '.'");
  }

  @Test
  void resultsCombineAndSequenceWithEveryViolation() {
    Violation a = new Violation(Path.parse("a"), "A", "a");
    Violation b = new Violation(Path.parse("b"), "B", "b");
    Result<Integer> one = Result.valid(1);
    Result<Integer> badA = new Result.Invalid<>(List.of(a));
    Result<Integer> badB = new Result.Invalid<>(List.of(b));
    assertThat(Result.combine(one, one, Integer::sum)).isEqualTo(Result.valid(2));
    assertThat(Result.combine(badA, one, badB, (x, y, z) -> x + y + z).violations())
        .containsExactly(a, b);
    assertThat(Result.combine(one, one, one, one, (w, x, y, z) -> w + x + y + z))
        .isEqualTo(Result.valid(4));
    assertThat(Result.combine(one, badB, one, badA, (w, x, y, z) -> 0).violations())
        .containsExactly(b, a);
    assertThat(Result.sequence(List.of(one, one))).isEqualTo(Result.valid(List.of(1, 1)));
    assertThat(Result.sequence(List.of(badA, one, badB)).violations()).containsExactly(a, b);
    assertThat(one.map(x -> x + 1)).isEqualTo(Result.valid(2));
    assertThat(badA.map(x -> x + 1).violations()).containsExactly(a);
    assertThat(one.flatMap(x -> badB).violations()).containsExactly(b);
    assertThat(badA.flatMap(x -> one).isValid()).isFalse();
    assertThatThrownBy(() -> new Result.Invalid<Integer>(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checksItsInputs() {
    assertThatThrownBy(() -> DataValidationFramework.parseSignUp(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> length(-1, 2)).hasMessage("need 0 <= min <= max: min -1, max 2");
    assertThatThrownBy(() -> size(3, 2)).hasMessage("need 0 <= min <= max: min 3, max 2");
    assertThatThrownBy(() -> Validator.of(x -> true, " ", "m"))
        .hasMessage("code must not be blank");
    assertThatThrownBy(() -> Validator.field("a[", x -> x, notNull()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Validator.all(notNull(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> notNull().at("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pipeline.start().parse(x -> x, "", "m"))
        .hasMessage("code must not be blank");
    assertThatThrownBy(() -> Pipeline.start().run("x", null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Violation(Path.root(), " ", "m"))
        .isInstanceOf(IllegalArgumentException.class);
    List<Customer> list = new ArrayList<>(Arrays.asList(GOOD, null));
    assertThat(Validator.each(Customers.CUSTOMER).validate(list))
        .isEmpty(); // a null element: nothing to descend into
  }
}
