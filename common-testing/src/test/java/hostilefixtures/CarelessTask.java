package hostilefixtures;

import java.util.ArrayList;
import java.util.List;
import org.interviewtasks.common.Task;

/** A fixture task written for the happy path only: the contracts must catch it. */
@Task(id = "junior.fixture.2", title = "Careless")
public final class CarelessTask {
  private CarelessTask() {}

  /** Prints its argument as many times as the first one says; floods on a big number. */
  public static void main(String... args) {
    if (args.length == 1 && args[0].isBlank()) {
      throw new IllegalStateException(); // says nothing
    }
    int times = args.length == 0 ? 1 : Integer.parseInt(args[0].strip());
    for (int i = 0; i < times; i++) {
      System.out.println("x".repeat(1000));
    }
  }

  /** The first character of a text: the JVM's own NullPointerException on null. */
  public static char first(String text) {
    return text.isEmpty() ? ' ' : text.charAt(0);
  }

  /** Keeps {@code n} megabytes: blows up on a big n. */
  public static int keep(int n) {
    List<byte[]> kept = new ArrayList<>();
    for (int i = 0; i < n && !Thread.currentThread().isInterrupted(); i++) {
      kept.add(new byte[1 << 20]);
    }
    return kept.size();
  }
}
