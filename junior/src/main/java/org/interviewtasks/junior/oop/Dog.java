package org.interviewtasks.junior.oop;

/** A dog: an {@link Animal} that says {@code "Woof!"}. */
public final class Dog extends Animal {

  /**
   * A dog with the given name.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public Dog(String name) {
    super(name);
  }

  @Override
  public String speak() {
    return "Woof!";
  }
}
