package org.interviewtasks.senior.architecture.validation;

import static org.interviewtasks.senior.architecture.validation.Constraints.email;
import static org.interviewtasks.senior.architecture.validation.Constraints.length;
import static org.interviewtasks.senior.architecture.validation.Constraints.max;
import static org.interviewtasks.senior.architecture.validation.Constraints.min;
import static org.interviewtasks.senior.architecture.validation.Constraints.notBlank;
import static org.interviewtasks.senior.architecture.validation.Constraints.notEmpty;
import static org.interviewtasks.senior.architecture.validation.Constraints.notNull;
import static org.interviewtasks.senior.architecture.validation.Constraints.pattern;
import static org.interviewtasks.senior.architecture.validation.Constraints.positive;
import static org.interviewtasks.senior.architecture.validation.Constraints.size;
import static org.interviewtasks.senior.architecture.validation.Validator.all;
import static org.interviewtasks.senior.architecture.validation.Validator.each;
import static org.interviewtasks.senior.architecture.validation.Validator.field;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One set of rules written twice: as Jakarta Bean Validation annotations on records, and as our
 * validators. Shared by the test and the benchmark.
 */
public final class Customers {

  private Customers() {}

  /** An address. */
  public record Address(@NotBlank String street, @NotNull @Pattern(regexp = "\\d{5}") String zip) {}

  /** An order line. */
  public record Item(
      @NotBlank @Size(min = 3, max = 12) String sku,
      @Min(1) @Max(99) int quantity,
      @Positive BigDecimal price) {}

  /** A customer with an address, order lines and tags. */
  public record Customer(
      @NotNull @Size(min = 2, max = 40) String name,
      @NotNull @Email String email,
      @Min(18) @Max(150) Integer age,
      @NotNull @Valid Address address,
      @NotEmpty @Size(max = 5) List<@Valid Item> items,
      List<@NotBlank String> tags) {}

  static final Validator<Address> ADDRESS =
      all(
          field("street", Address::street, notBlank()),
          field("zip", Address::zip, all(notNull(), pattern("\\d{5}"))));

  static final Validator<Item> ITEM =
      all(
          field("sku", Item::sku, all(notBlank(), length(3, 12))),
          field("quantity", Item::quantity, all(min(1), max(99))),
          field("price", Item::price, positive()));

  /** The annotations above, as validators. */
  public static final Validator<Customer> CUSTOMER =
      all(
          field("name", Customer::name, all(notNull(), length(2, 40))),
          field("email", Customer::email, all(notNull(), email())),
          field("age", Customer::age, all(min(18), max(150))),
          field("address", Customer::address, all(notNull(), ADDRESS)),
          field(
              "items",
              Customer::items,
              Validator.<List<Item>>all(notEmpty(), size(0, 5), each(ITEM))),
          field("tags", Customer::tags, each(notBlank())));

  /** A violation reduced to what both frameworks can say: path, kind, message. */
  public record Reported(String path, String code, String message) {
    static Reported of(Violation v) {
      return new Reported(v.path().toString(), v.code(), v.message());
    }

    static Reported of(ConstraintViolation<?> v) {
      StringBuilder path = new StringBuilder();
      for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
        if (node.getIndex() != null) {
          path.append('[').append(node.getIndex()).append(']');
        }
        if (node.getKind() == ElementKind.PROPERTY) {
          if (!path.isEmpty()) {
            path.append('.');
          }
          path.append(node.getName());
        }
      }
      return new Reported(
          path.toString(),
          v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
          v.getMessage());
    }
  }

  /** A seeded source of customers, each field valid about four times in five. */
  public static final class Generator {
    private final SplittableRandom random;

    public Generator(long seed) {
      random = new SplittableRandom(seed);
    }

    private boolean bad() {
      return random.nextInt(5) == 0;
    }

    private <T> T pick(List<T> choices) {
      return choices.get(random.nextInt(choices.size()));
    }

    public Customer next() {
      String name =
          bad()
              ? pick(Arrays.asList(null, "", "A", "x".repeat(41), "  "))
              : pick(List.of("Ann", "Bo", "Zoë Åberg", "李小龍", "x".repeat(40)));
      String email =
          bad()
              ? pick(
                  Arrays.asList(
                      null,
                      "not-an-email",
                      "two@@example.com",
                      "trailing.@example.com",
                      "ann@exa mple.com",
                      "ann@example..com",
                      "@example.com",
                      "ann@"))
              : pick(
                  List.of(
                      "ann@example.com", "bo.b+tag@mail.example.org", "a@b", "", "zoë@exämple.se"));
      Integer age =
          bad()
              ? pick(Arrays.asList(-1, 0, 17, 151, Integer.MIN_VALUE))
              : pick(Arrays.asList(null, 18, 42, 150));
      Address address =
          bad() ? pick(Arrays.asList(null, address(false), address(false))) : address(true);
      List<Item> items;
      if (bad()) {
        items =
            pick(
                Arrays.asList(
                    null, List.of(), items(6, true), items(1 + random.nextInt(4), false)));
      } else {
        items = items(1 + random.nextInt(5), true);
      }
      List<String> tags =
          bad()
              ? pick(Arrays.asList(List.of("ok", ""), List.of(" ", "ok", "\t")))
              : pick(Arrays.asList(null, List.of(), List.of("vip", "früh")));
      return new Customer(name, email, age, address, items, tags);
    }

    private Address address(boolean valid) {
      if (valid) {
        return new Address(
            pick(List.of("1 Main St", "Hauptstraße 5")), pick(List.of("12345", "00000")));
      }
      return new Address(
          pick(Arrays.asList(null, "", " ", "ok")),
          pick(Arrays.asList(null, "1234", "123456", "abcde", "12345")));
    }

    private List<Item> items(int n, boolean valid) {
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (valid || random.nextBoolean()) {
          items.add(
              new Item(
                  pick(List.of("SKU-1", "ABC", "X".repeat(12))),
                  1 + random.nextInt(99),
                  BigDecimal.valueOf(random.nextInt(1, 10_000), 2)));
        } else {
          items.add(
              new Item(
                  pick(Arrays.asList(null, "", "AB", "X".repeat(13), "SKU-2")),
                  pick(List.of(0, 1, 99, 100, -5)),
                  pick(
                      Arrays.asList(
                          null, BigDecimal.ZERO, new BigDecimal("-0.01"), BigDecimal.ONE))));
        }
      }
      return items;
    }
  }
}
