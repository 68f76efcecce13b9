package org.interviewtasks.junior.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.StdStreams;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnimalTest {

  /** A kind of animal the base class does not know, as mid.oop.1 will add. */
  private static final class Parrot extends Animal {
    private final String phrase;

    Parrot(String name, String phrase) {
      super(name);
      this.phrase = phrase;
    }

    @Override
    public String speak() {
      return phrase + "!";
    }
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of((Function<String, Animal>) Dog::new, "Woof!", "Dog"),
        Arguments.of((Function<String, Animal>) Cat::new, "Meow!", "Cat"));
  }

  @Nested
  class Speaking {

    @ParameterizedTest(name = "{2} says {1}")
    @MethodSource("org.interviewtasks.junior.oop.AnimalTest#kinds")
    void eachKindOverridesSpeak(Function<String, Animal> create, String sound, String kind) {
      Animal animal = create.apply("Bo");

      assertThat(animal.speak()).isEqualTo(sound);
      assertThat(animal.introduce()).isEqualTo("Bo says " + sound);
      assertThat(animal.name()).isEqualTo("Bo");
      assertThat(animal).hasToString(kind + "[name=Bo]");
    }

    @Test
    void theCallDispatchesOnTheObjectNotTheVariable() {
      List<Animal> animals = List.of(new Dog("Rex"), new Cat("Tom"), new Parrot("Polly", "Hello"));

      assertThat(animals)
          .extracting(Animal::introduce)
          .containsExactly("Rex says Woof!", "Tom says Meow!", "Polly says Hello!");
    }

    @Test
    void aSubclassFromElsewhereNeedsOnlySpeak() {
      Animal parrot = new Parrot(" Кеша ", "Привет");

      assertThat(parrot.name()).isEqualTo("Кеша");
      assertThat(parrot.introduce()).isEqualTo("Кеша says Привет!");
      assertThat(parrot).hasToString("Parrot[name=Кеша]");
    }
  }

  @Nested
  class Design {

    @Test
    void animalIsAnOpenAbstractBaseAndItsKindsAreFinal() throws Exception {
      assertThat(Modifier.isAbstract(Animal.class.getModifiers())).isTrue();
      assertThat(Animal.class.isSealed()).isFalse();
      assertThat(
              Modifier.isProtected(
                  Animal.class.getDeclaredConstructor(String.class).getModifiers()))
          .isTrue();
      assertThat(Modifier.isFinal(Animal.class.getMethod("introduce").getModifiers())).isTrue();
      assertThat(Modifier.isFinal(Dog.class.getModifiers())).isTrue();
      assertThat(Modifier.isFinal(Cat.class.getModifiers())).isTrue();
    }

    @Test
    void animalsAreEntities() {
      Dog rex = new Dog("Rex");

      assertThat(rex).isNotEqualTo(new Dog("Rex")).doesNotHaveSameHashCodeAs(new Dog("Rex"));
    }
  }

  @Nested
  class Validation {

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", "  ", "\n"})
    void rejectsBlankNames(String name) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Dog(name))
          .withMessage("name must not be blank");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Cat(name))
          .withMessage("name must not be blank");
    }

    @Test
    void rejectsNullNames() {
      assertThatNullPointerException().isThrownBy(() -> new Dog(null)).withMessage("name");
      assertThatNullPointerException().isThrownBy(() -> new Cat(null)).withMessage("name");
    }
  }

  @Nested
  class Main {

    @Test
    void printsWhatEachAnimalSays() throws Exception {
      var printed = StdStreams.capture(() -> Animal.main("dog", "Rex", "CAT", "Tom", "cat", "Mia"));

      assertThat(printed.out().lines())
          .containsExactly("Rex says Woof!", "Tom says Meow!", "Mia says Meow!");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(Animal::main)
          .withMessage("usage: junior.oop.3 (dog|cat) <name> [(dog|cat) <name>...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Animal.main("dog"))
          .withMessageStartingWith("usage: junior.oop.3 ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Animal.main("dog", "Rex", "cow", "Daisy"))
          .withMessage("unknown animal: 'cow'");
    }
  }
}
