package org.interviewtasks.senior.architecture.validation;

import static org.interviewtasks.senior.architecture.validation.Constraints.email;
import static org.interviewtasks.senior.architecture.validation.Constraints.length;
import static org.interviewtasks.senior.architecture.validation.Constraints.max;
import static org.interviewtasks.senior.architecture.validation.Constraints.min;
import static org.interviewtasks.senior.architecture.validation.Constraints.notBlank;
import static org.interviewtasks.senior.architecture.validation.Validator.all;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * A small framework for validating and transforming data: typed {@link Validator}s composed from
 * functions, every broken rule reported with its {@link Path} (not only the first), and {@link
 * Pipeline}s that parse, normalise and check raw input on the way into a record, checked by the
 * compiler end to end.
 *
 * <p><b>Approach.</b> A validator is one method, {@code validate(value, path, violations)}: it adds
 * what is wrong to a shared list and never throws for bad data. Everything else is composition:
 * {@link Validator#all} and {@link Validator#and} run several rules and keep every violation;
 * {@link Validator#field} descends into a field and extends the path ({@code address.zip}); {@link
 * Validator#each} into the elements of a collection ({@code items[2].quantity}); a nested record is
 * just a field whose validator is the record's validator. A custom rule is a lambda or {@link
 * Validator#of}; a cross-field rule is a validator of the whole object, reported {@link
 * Validator#at} the field it is about. {@link Constraints} mirrors the common Jakarta Bean
 * Validation constraints, with their codes, messages and {@code null} semantics (only {@code
 * NotNull} rejects {@code null}), so a rule set can move between the two. A {@link Pipeline} chains
 * typed steps and stops at the first failing one per value; {@link Result#combine} runs one
 * pipeline per field and builds the record only if all succeed, otherwise returning the violations
 * of all fields together, as {@link #parseSignUp} shows.
 *
 * <p><b>Compared with Jakarta Bean Validation</b> (Hibernate Validator, checked in the tests: the
 * same rules on the same objects give the same violations, paths and kinds). Annotations keep rules
 * beside the fields and integrate with JPA, Spring and JAX-RS; they are read by reflection, typed
 * only as far as annotation parameters go (a {@code @Size} on an {@code int} fails at run time),
 * and a rule that needs code or context means a new annotation plus a {@code ConstraintValidator}
 * class. Here rules are ordinary typed code: a getter that does not exist does not compile, a rule
 * can capture anything, and the same object can be checked differently per use case without
 * "groups". Cost: O(rules checked) per object, with no reflection and no allocation for a valid
 * object beyond the paths of the fields visited; the benchmark measures it against Hibernate
 * Validator.
 *
 * <p><b>Failure modes.</b> An exception thrown by a getter or a custom rule propagates (it is a
 * bug, not invalid data); {@link Pipeline#parse} is the place where exceptions mean "invalid". A
 * validator composed to follow references through a cyclic object graph would recurse forever: Bean
 * Validation tracks visited objects for {@code @Valid}, this framework leaves the shape of the
 * traversal to the code that composes it. Violations come in declaration order (Bean Validation's
 * is unspecified, a set). Messages are English, from the code; a caller that needs translations
 * maps {@link Violation#code()} to its own text.
 *
 * <p><b>Follow-up.</b> <i>"Why not stop at the first error?"</i> A form with three mistakes should
 * not take three round trips; within one value, though, later steps depend on earlier ones, so a
 * pipeline stops (no range check on a number that did not parse). <i>"How would you validate
 * asynchronously (a uniqueness check in a database)?"</i> Make the final step return a {@code
 * CompletableFuture<Result<T>>}, run it only when the synchronous rules pass ({@link
 * Validator#then}), and time it out.
 */
@Task(id = "senior.architecture.6", title = "Data validation framework")
public final class DataValidationFramework {

  private DataValidationFramework() {}

  /**
   * A sign-up, as the application uses it once the form has been checked.
   *
   * @param name 2 to 40 characters, whitespace collapsed
   * @param email a well-formed address, lower-cased
   * @param age 18 to 150
   */
  public record SignUp(String name, String email, int age) {}

  /** Name: trim, collapse inner whitespace, then not blank and 2 to 40 characters. */
  public static final Pipeline<String, String> NAME =
      Pipeline.<String>start()
          .map(String::strip)
          .map(s -> s.replaceAll("\\s+", " "))
          .validate(all(notBlank(), length(2, 40)));

  /** Email: trim, lower-case, then not blank and well-formed. */
  public static final Pipeline<String, String> EMAIL =
      Pipeline.<String>start()
          .map(String::strip)
          .map(s -> s.toLowerCase(Locale.ROOT))
          .validate(all(notBlank(), email()));

  /** Age: trim, required, parse as a whole number, then 18 to 150. */
  public static final Pipeline<String, Integer> AGE =
      Pipeline.<String>start()
          .map(String::strip)
          .required()
          .parse(Integer::valueOf, "Integer", "must be a whole number")
          .validate(all(min(18), max(150)));

  /**
   * A sign-up form (field name to raw text, as an HTML form posts it) to a {@link SignUp}, or every
   * problem of every field. Fields are read as {@code name}, {@code email} and {@code age}; others
   * are ignored.
   */
  public static Result<SignUp> parseSignUp(Map<String, String> form) {
    Objects.requireNonNull(form, "form");
    Path root = Path.root();
    return Result.combine(
        NAME.run(form.get("name"), root.field("name")),
        EMAIL.run(form.get("email"), root.field("email")),
        AGE.run(form.get("age"), root.field("age")),
        SignUp::new);
  }
}
