package org.interviewtasks.junior.oop;

/** A cat: an {@link Animal} that says {@code "Meow!"}. */
public final class Cat extends Animal {

  /**
   * A cat with the given name.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public Cat(String name) {
    super(name);
  }

  @Override
  public String speak() {
    return "Meow!";
  }
}
