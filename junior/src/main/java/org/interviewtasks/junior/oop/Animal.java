package org.interviewtasks.junior.oop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.interviewtasks.common.Task;

/**
 * The base of an animal hierarchy: every animal has a name and speaks, and each kind of animal
 * ({@link Dog}, {@link Cat}) says something different by overriding {@link #speak()}.
 *
 * <p><b>Approach.</b> An abstract class, because animals share state (the name, validated once
 * here) as well as behaviour; an interface cannot hold a field. {@link #speak()} is abstract, so
 * the compiler makes every concrete animal say something, and {@link #introduce()} is a final
 * <i>template method</i>: it is written once and calls {@code speak()}, which dispatches at run
 * time to the subclass of the object, whatever the declared type of the variable. The subclasses
 * are final: nobody needs to extend a dog.
 *
 * <p>Why not {@code sealed}? A sealed class lists its subclasses, and in a library without modules
 * they must be in its own package. This hierarchy is meant to grow: mid.oop.1 adds mammals and
 * birds from another package. Sealing pays off when code outside the hierarchy switches over its
 * kinds and wants the compiler to check that every kind is handled; here the behaviour lives in the
 * classes (polymorphism), so no such switch is needed.
 *
 * <p><b>Edge cases.</b> A null or blank name is rejected; the name is stripped. An animal is an
 * entity: two dogs called Rex are two dogs, so {@code equals} stays identity. The constructor calls
 * no overridable method, so a subclass is never used before its own constructor has run.
 *
 * <p><b>Follow-up.</b> <i>"Abstract class or interface?"</i> An interface with a default {@code
 * introduce()} works when there is no shared state; a class can implement many interfaces but
 * extend one class. <i>"A robot dog that speaks but is not an animal?"</i> Extract a {@code
 * Speaker} interface and let both implement it: prefer composition and small interfaces to deep
 * inheritance.
 */
@Task(id = "junior.oop.3", title = "Animal hierarchy")
public abstract class Animal {

  private final String name;

  /**
   * Names the animal.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  protected Animal(String name) {
    this.name = Checks.text(name, "name");
  }

  /** The animal's name. */
  public final String name() {
    return name;
  }

  /** What this kind of animal says, e.g. {@code "Woof!"}. */
  public abstract String speak();

  /** The animal introduces itself, e.g. {@code "Rex says Woof!"}. */
  public final String introduce() {
    return name + " says " + speak();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[name=" + name + "]";
  }

  /**
   * Prints what each animal says; arguments come in pairs {@code <dog|cat> <name>}, e.g. {@code dog
   * Rex cat Tom}.
   *
   * @throws IllegalArgumentException on an odd number of arguments, an unknown kind or a blank name
   */
  public static void main(String... args) {
    if (args.length == 0 || args.length % 2 != 0) {
      throw new IllegalArgumentException(
          "usage: junior.oop.3 (dog|cat) <name> [(dog|cat) <name>...]");
    }
    List<Animal> animals = new ArrayList<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i + 1];
      animals.add(
          switch (args[i].toLowerCase(Locale.ROOT)) {
            case "dog" -> new Dog(name);
            case "cat" -> new Cat(name);
            default -> throw new IllegalArgumentException("unknown animal: '" + args[i] + "'");
          });
    }
    for (Animal animal : animals) {
      System.out.println(animal.introduce()); // the same call, a different speak() per animal
    }
  }
}
