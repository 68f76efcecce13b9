package org.interviewtasks.mid.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.stream.Stream;
import org.interviewtasks.common.testing.StdStreams;
import org.interviewtasks.junior.oop.Dog;
import org.interviewtasks.mid.oop.Animal.Bat;
import org.interviewtasks.mid.oop.Animal.Bird;
import org.interviewtasks.mid.oop.Animal.Duck;
import org.interviewtasks.mid.oop.Animal.Eagle;
import org.interviewtasks.mid.oop.Animal.Flyer;
import org.interviewtasks.mid.oop.Animal.Mammal;
import org.interviewtasks.mid.oop.Animal.Penguin;
import org.interviewtasks.mid.oop.Animal.Platypus;
import org.interviewtasks.mid.oop.Animal.Swimmer;
import org.interviewtasks.mid.oop.Animal.Whale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AnimalTest {

  static Stream<Arguments> descriptions() {
    return Stream.of(
        Arguments.of(
            new Bat("Bruce"), "Bruce the Bat: mammal, 2 legs, gives birth, can fly", "Squeak!"),
        Arguments.of(
            new Whale("Moby"), "Moby the Whale: mammal, 0 legs, gives birth, can swim", "Wooo!"),
        Arguments.of(
            new Platypus("Perry"),
            "Perry the Platypus: mammal, 4 legs, lays eggs, can swim",
            "Grr!"),
        Arguments.of(
            new Eagle("Sam"), "Sam the Eagle: bird, 2 legs, lays eggs, can fly", "Screech!"),
        Arguments.of(
            new Penguin("Pingu"), "Pingu the Penguin: bird, 2 legs, lays eggs, can swim", "Honk!"),
        Arguments.of(
            new Duck("Donald", 90),
            "Donald the Duck: bird, 2 legs, lays eggs, can fly and swim",
            "Quack!"));
  }

  @Nested
  class Hierarchy {

    @ParameterizedTest(name = "{1}")
    @MethodSource("org.interviewtasks.mid.oop.AnimalTest#descriptions")
    void eachSpeciesDescribesAndIntroducesItself(Animal animal, String description, String sound) {
      assertThat(animal.describe()).isEqualTo(description);
      assertThat(animal.speak()).isEqualTo(sound);
      assertThat(animal.introduce()).isEqualTo(animal.name() + " says " + sound);
    }

    @Test
    void midAnimalsAreJuniorAnimals() {
      List<org.interviewtasks.junior.oop.Animal> zoo =
          List.of(new Dog("Rex"), new Penguin("Pingu"), new Bat("Bruce"));

      assertThat(zoo)
          .extracting(org.interviewtasks.junior.oop.Animal::introduce)
          .containsExactly("Rex says Woof!", "Pingu says Honk!", "Bruce says Squeak!");
      assertThat(new Penguin("Pingu")).hasToString("Penguin[name=Pingu]");
    }

    @Test
    void groupsFixWhatTheyShare() {
      List<Animal> animals =
          List.of(
              new Bat("a"),
              new Whale("b"),
              new Platypus("c"),
              new Eagle("d"),
              new Penguin("e"),
              new Duck("f", 50));

      for (Animal animal : animals) {
        if (animal instanceof Bird bird) {
          assertThat(bird.legs()).isEqualTo(2);
          assertThat(bird.laysEggs()).isTrue();
          assertThat(bird.group()).isEqualTo("bird");
        } else {
          assertThat(animal).isInstanceOf(Mammal.class);
          assertThat(animal.group()).isEqualTo("mammal");
        }
      }
      assertThat(new Bat("b").laysEggs()).isFalse();
      assertThat(new Whale("w").laysEggs()).isFalse();
      assertThat(new Platypus("p").laysEggs()).isTrue();
    }

    @Test
    void birdsHaveAWingspan() {
      assertThat(new Eagle("e").wingspanCm()).isEqualTo(200);
      assertThat(new Penguin("p").wingspanCm()).isEqualTo(76);
      assertThat(new Duck("d", 0.5).wingspanCm()).isEqualTo(0.5);
    }
  }

  @Nested
  class Abilities {

    @Test
    void abilitiesCutAcrossTheHierarchy() {
      List<Flyer> flyers = List.of(new Bat("Bruce"), new Eagle("Sam"), new Duck("Donald", 90));
      List<Swimmer> swimmers =
          List.of(
              new Whale("Moby"),
              new Penguin("Pingu"),
              new Duck("Donald", 90),
              new Platypus("Perry"));

      assertThat(flyers)
          .extracting(Flyer::fly)
          .containsExactly(
              "Bruce flies at 20 km/h", "Sam flies at 65 km/h", "Donald flies at 70 km/h");
      assertThat(swimmers)
          .extracting(Swimmer::swim)
          .containsExactly(
              "Moby dives to 2000 m",
              "Pingu dives to 500 m",
              "Donald dives to 3 m",
              "Perry dives to 5 m");
    }

    @Test
    void aPenguinIsABirdThatCannotFly() {
      Bird penguin = new Penguin("Pingu");

      assertThat(penguin).isNotInstanceOf(Flyer.class).isInstanceOf(Swimmer.class);
      assertThat(((Animal) penguin).abilities()).containsExactly("swim");
      assertThat(new Duck("d", 1).abilities()).containsExactly("fly", "swim").isUnmodifiable();
    }
  }

  @Nested
  class Validation {

    @Test
    void namesAreValidatedByJunior() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Bat("  "))
          .withMessage("name must not be blank");
      assertThatNullPointerException().isThrownBy(() -> new Eagle(null)).withMessage("name");
      assertThat(new Whale("  Moby ").name()).isEqualTo("Moby");
    }

    @ParameterizedTest(name = "wingspan {0}")
    @CsvSource({"0", "-1", "NaN", "Infinity"})
    void wingspansMustBePositiveAndFinite(double wingspan) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Duck("d", wingspan))
          .withMessage("wingspan must be positive and finite: " + wingspan);
    }
  }

  @Nested
  class Main {

    @Test
    void describesEachAnimal() throws Exception {
      var printed = StdStreams.capture(() -> Animal.main("penguin", "Pingu", "BAT", "Bruce"));

      assertThat(printed.out().lines())
          .containsExactly(
              "Pingu the Penguin: bird, 2 legs, lays eggs, can swim. Pingu says Honk!",
              "Bruce the Bat: mammal, 2 legs, gives birth, can fly. Bruce says Squeak!");
    }

    @Test
    void knowsEveryKind() throws Exception {
      var printed =
          StdStreams.capture(
              () -> Animal.main("whale", "W", "platypus", "P", "eagle", "E", "duck", "D"));

      assertThat(printed.out().lines())
          .extracting(line -> line.substring(0, line.indexOf(':')))
          .containsExactly("W the Whale", "P the Platypus", "E the Eagle", "D the Duck");
    }

    @Test
    void rejectsBadUsage() {
      assertThatIllegalArgumentException()
          .isThrownBy(Animal::main)
          .withMessage("usage: mid.oop.1 <kind> <name> [<kind> <name>...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Animal.main("bat"))
          .withMessage("usage: mid.oop.1 <kind> <name> [<kind> <name>...]");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Animal.main("dragon", "Smaug"))
          .withMessage("unknown animal: 'dragon'");
    }
  }
}
