package org.interviewtasks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.interviewtasks.common.Level;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The two hostile-input contracts run on fixture tasks: one that handles everything (every call
 * passes) and one written for the happy path (the calls that hang, flood, blow up or fail without a
 * name are caught, each with its reason).
 */
class HostileContractsTest {

  static final class Commands extends HostileCommandLineContract {
    @Override
    protected Level level() {
      return Level.JUNIOR;
    }

    @Override
    protected String packageName() {
      return "hostilefixtures";
    }
  }

  static final class Api extends HostileApiContract {
    @Override
    protected Level level() {
      return Level.JUNIOR;
    }

    @Override
    protected String packageName() {
      return "hostilefixtures";
    }
  }

  @Test
  void theCommandLineContractPassesACarefulMainAndNamesWhatACarelessOneDoes() {
    Map<String, String> verdicts = run(new Commands().everyMainEndsCleanlyOnHostileArguments());

    assertThat(matching(verdicts, "junior.fixture.1/"))
        .hasSize(HostileCommandLineContract.commandLines().size())
        .containsOnly("passed");
    assertThat(verdicts.get("junior.fixture.2/Integer.MAX_VALUE"))
        .contains("printed more than 1048616 bytes");
    assertThat(verdicts.get("junior.fixture.2/an empty argument"))
        .contains("threw java.lang.IllegalStateException without a message of its own");
    assertThat(verdicts.get("junior.fixture.2/--help")).contains("shows how to call the task");
    assertThat(verdicts.get("junior.fixture.2/-1")).isEqualTo("passed");
    assertThat(Path.of("hostile-fixture-NaN.txt")).as("removed after the call").doesNotExist();
  }

  @Test
  void theApiContractPassesCarefulMethodsAndNamesWhatCarelessOnesDo() {
    Map<String, String> verdicts = run(new Api().everyPublicStaticMethodHandlesHostileArguments());

    assertThat(matching(verdicts, "CarefulTask.")).hasSizeGreaterThan(30).containsOnly("passed");
    assertThat(matching(verdicts, "CarelessTask.first(String) argument 1"))
        .contains("passed")
        .anySatisfy(v -> assertThat(v).contains("threw the JVM's own NullPointerException"));
    assertThat(matching(verdicts, "CarelessTask.keep(int)"))
        .anySatisfy(v -> assertThat(v).contains("allocated more than"));
    assertThat(verdicts.keySet())
        .noneMatch(name -> name.contains(".main("))
        .anyMatch(name -> name.contains("CarefulTask.length(String, String[], double, long)"))
        .anyMatch(name -> name.contains("CarefulTask.kinds(long[], double[], BigInteger"));
  }

  private static List<String> matching(Map<String, String> verdicts, String part) {
    return verdicts.entrySet().stream()
        .filter(e -> e.getKey().contains(part))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Runs every test of the factory; its verdict is "passed" or the failure's message. */
  private static Map<String, String> run(Stream<DynamicContainer> factory) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    factory.forEach(container -> collect(container.getDisplayName(), container, verdicts));
    return verdicts;
  }

  private static void collect(String task, DynamicContainer container, Map<String, String> out) {
    List<DynamicNode> children = new ArrayList<>(container.getChildren().toList());
    for (DynamicNode child : children) {
      if (child instanceof DynamicTest test) {
        String name = task.substring(0, (task + " ").indexOf(' ')) + "/" + test.getDisplayName();
        try {
          test.getExecutable().execute();
          out.put(name, "passed");
        } catch (Throwable failure) { // a verdict, collected
          out.put(name, String.valueOf(failure.getMessage()));
        }
      } else if (child instanceof DynamicContainer nested) {
        collect(task, nested, out);
      }
    }
  }
}
