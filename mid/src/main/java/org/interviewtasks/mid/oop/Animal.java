package org.interviewtasks.mid.oop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.interviewtasks.common.Task;

/**
 * An animal hierarchy with a base class {@code Animal}, the classes {@link Mammal} and {@link Bird}
 * below it, and abilities such as flying and swimming that cut across them.
 *
 * <p><b>What mid adds over junior.</b> {@link org.interviewtasks.junior.oop.Animal} (junior.oop.3)
 * is the root: a validated name, an abstract {@code speak()} and a template method {@code
 * introduce()}. This {@code Animal} extends it, so every mid animal is a junior animal too (junior
 * code that introduces animals works on them unchanged), and adds what the task asks for: a level
 * of classification in between, properties that the levels fix or leave open, and abilities.
 *
 * <p><b>Approach.</b> A class hierarchy is for what an animal <i>is</i>; an ability is what it
 * <i>can do</i>, and abilities do not follow the hierarchy: most birds fly but a penguin does not,
 * most mammals do not fly but a bat does. Putting {@code fly()} in {@code Bird} would force {@link
 * Penguin} to inherit a method it can only answer with an exception, which breaks the Liskov
 * substitution principle (code holding a {@code Bird} could not trust {@code fly()}). So abilities
 * are small interfaces, {@link Flyer} and {@link Swimmer}, that any animal may implement, and a
 * duck implements both. Properties sit at the level that fixes them: every {@link Bird} has two
 * legs and lays eggs ({@code final} there), and has a wingspan; a {@link Mammal} gives birth unless
 * a species says otherwise ({@link Platypus} lays eggs: the default is overridable because nature
 * has exceptions). Concrete species are {@code final}.
 *
 * <p><b>Edge cases.</b> Names are validated by junior (blank is an {@link
 * IllegalArgumentException}, surrounding space is stripped). A wingspan must be positive and
 * finite. Animals are entities: equality is identity, as in junior.
 *
 * <p><b>Follow-up.</b> <i>"Hundreds of species, loaded from data?"</i> Then a class per species
 * does not scale: make the species data (a record of traits) and keep classes for behaviour that
 * really differs. <i>"Why not sealed?"</i> Sealing {@code Animal} would let a {@code switch} over
 * animals be exhaustive, but animals are meant to grow, and behaviour lives in the classes; see
 * {@link Shape} for the opposite choice.
 */
@Task(id = "mid.oop.1", title = "Animal hierarchy with mammals and birds")
public abstract class Animal extends org.interviewtasks.junior.oop.Animal {

  /**
   * Names the animal.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  protected Animal(String name) {
    super(name);
  }

  /** How many legs the animal has. */
  public abstract int legs();

  /** Whether the animal lays eggs. */
  public abstract boolean laysEggs();

  /** The class of animal, e.g. {@code "mammal"}. */
  public abstract String group();

  /** What the animal can do besides walking or standing: {@code "fly"}, {@code "swim"}. */
  public final List<String> abilities() {
    List<String> abilities = new ArrayList<>();
    if (this instanceof Flyer) {
      abilities.add("fly");
    }
    if (this instanceof Swimmer) {
      abilities.add("swim");
    }
    return Collections.unmodifiableList(abilities);
  }

  /** E.g. {@code "Pingu the Penguin: bird, 2 legs, lays eggs, can swim"}. */
  public final String describe() {
    return name()
        + " the "
        + getClass().getSimpleName()
        + ": "
        + group()
        + ", "
        + legs()
        + " legs, "
        + (laysEggs() ? "lays eggs" : "gives birth")
        + (abilities().isEmpty() ? "" : ", can " + String.join(" and ", abilities()));
  }

  /** An animal that can fly. */
  public interface Flyer {

    /** The animal's name. */
    String name();

    /** A typical cruising speed in km/h. */
    int cruisingSpeedKmh();

    /** E.g. {@code "Bruce flies at 20 km/h"}. */
    default String fly() {
      return name() + " flies at " + cruisingSpeedKmh() + " km/h";
    }
  }

  /** An animal that can swim. */
  public interface Swimmer {

    /** The animal's name. */
    String name();

    /** How deep it dives, in metres. */
    int maxDepthMetres();

    /** E.g. {@code "Pingu dives to 500 m"}. */
    default String swim() {
      return name() + " dives to " + maxDepthMetres() + " m";
    }
  }

  /** A mammal: gives birth to live young unless the species says otherwise. */
  public abstract static class Mammal extends Animal {

    /** Names the mammal. */
    protected Mammal(String name) {
      super(name);
    }

    @Override
    public boolean laysEggs() {
      return false;
    }

    @Override
    public final String group() {
      return "mammal";
    }
  }

  /** A bird: two legs, eggs, and a wingspan, whether or not it flies. */
  public abstract static class Bird extends Animal {

    private final double wingspanCm;

    /**
     * Names the bird and gives its wingspan.
     *
     * @throws IllegalArgumentException if the name is blank or the wingspan not positive and finite
     */
    protected Bird(String name, double wingspanCm) {
      super(name);
      if (!(wingspanCm > 0 && wingspanCm < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("wingspan must be positive and finite: " + wingspanCm);
      }
      this.wingspanCm = wingspanCm;
    }

    /** The wingspan in centimetres. */
    public final double wingspanCm() {
      return wingspanCm;
    }

    @Override
    public final int legs() {
      return 2;
    }

    @Override
    public final boolean laysEggs() {
      return true;
    }

    @Override
    public final String group() {
      return "bird";
    }
  }

  /** A bat: the mammal that flies. */
  public static final class Bat extends Mammal implements Flyer {

    /** A bat with the given name. */
    public Bat(String name) {
      super(name);
    }

    @Override
    public String speak() {
      return "Squeak!";
    }

    @Override
    public int legs() {
      return 2;
    }

    @Override
    public int cruisingSpeedKmh() {
      return 20;
    }
  }

  /** A whale: a mammal without legs that swims. */
  public static final class Whale extends Mammal implements Swimmer {

    /** A whale with the given name. */
    public Whale(String name) {
      super(name);
    }

    @Override
    public String speak() {
      return "Wooo!";
    }

    @Override
    public int legs() {
      return 0;
    }

    @Override
    public int maxDepthMetres() {
      return 2_000;
    }
  }

  /** A platypus: a mammal that lays eggs and swims. */
  public static final class Platypus extends Mammal implements Swimmer {

    /** A platypus with the given name. */
    public Platypus(String name) {
      super(name);
    }

    @Override
    public String speak() {
      return "Grr!";
    }

    @Override
    public int legs() {
      return 4;
    }

    @Override
    public boolean laysEggs() {
      return true; // the exception that the overridable default allows for
    }

    @Override
    public int maxDepthMetres() {
      return 5;
    }
  }

  /** An eagle: a bird that flies. */
  public static final class Eagle extends Bird implements Flyer {

    /** An eagle with the given name and a typical wingspan of 200 cm. */
    public Eagle(String name) {
      super(name, 200);
    }

    @Override
    public String speak() {
      return "Screech!";
    }

    @Override
    public int cruisingSpeedKmh() {
      return 65;
    }
  }

  /** A penguin: a bird that does not fly, but swims. */
  public static final class Penguin extends Bird implements Swimmer {

    /** A penguin with the given name and a typical flipper span of 76 cm. */
    public Penguin(String name) {
      super(name, 76);
    }

    @Override
    public String speak() {
      return "Honk!";
    }

    @Override
    public int maxDepthMetres() {
      return 500;
    }
  }

  /** A duck: a bird that flies and swims. */
  public static final class Duck extends Bird implements Flyer, Swimmer {

    /** A duck with the given name and wingspan. */
    public Duck(String name, double wingspanCm) {
      super(name, wingspanCm);
    }

    @Override
    public String speak() {
      return "Quack!";
    }

    @Override
    public int cruisingSpeedKmh() {
      return 70;
    }

    @Override
    public int maxDepthMetres() {
      return 3;
    }
  }

  /**
   * Describes each animal given as {@code <kind> <name>} pairs, kinds being bat, whale, platypus,
   * eagle, penguin and duck, e.g. {@code penguin Pingu bat Bruce}.
   *
   * @throws IllegalArgumentException on an odd number of arguments, an unknown kind or a blank name
   */
  public static void main(String... args) {
    if (args.length == 0 || args.length % 2 != 0) {
      throw new IllegalArgumentException("usage: mid.oop.1 <kind> <name> [<kind> <name>...]");
    }
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i + 1];
      Animal animal =
          switch (args[i].toLowerCase(Locale.ROOT)) {
            case "bat" -> new Bat(name);
            case "whale" -> new Whale(name);
            case "platypus" -> new Platypus(name);
            case "eagle" -> new Eagle(name);
            case "penguin" -> new Penguin(name);
            case "duck" -> new Duck(name, 90);
            default -> throw new IllegalArgumentException("unknown animal: '" + args[i] + "'");
          };
      System.out.println(animal.describe() + ". " + animal.introduce());
    }
  }
}
