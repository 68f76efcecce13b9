package org.interviewtasks.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BuildSelectionTest {

  @ParameterizedTest(name = "module {0}, -pl {1}, args ''{2}'': {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        // -pl mid -am: junior is only built for mid, so only mid runs the task.
        "junior | mid                     | mid.apps.5       | false",
        "mid    | mid                     | mid.apps.5       | true",
        "mid    | mid                     | --list           | true",
        "junior | mid                     | --list           | false",
        "common | mid                     | --list           | false",
        // How Maven spells a selector.
        "mid    | :mid                    | mid.apps.5       | true",
        "mid    | org.interviewtasks:mid  | mid.apps.5       | true",
        "mid    | ./mid/                  | mid.apps.5       | true",
        "junior | junior mid              | junior.core.1    | true",
        "mid    | junior mid              | junior.core.1    | true",
        "senior | !senior                 | senior.bigdata.1 | false",
        "mid    | -senior                 | mid.core.1       | true",
        // No -pl (or a selector the build left unfilled): a task id runs in the module of its
        // level alone; everything else runs everywhere.
        "junior | ''                      | junior.core.1    | true",
        "mid    | ''                      | junior.core.1    | false",
        "mid    | ${session.x[0]}         | junior.core.1    | false",
        "mid    | ''                      | --list           | true",
        "mid    | ''                      | not-an-id        | true",
        "mid    | ''                      | ''               | true",
        // Not launched by the build: always.
        "null             | junior        | mid.apps.5       | true",
        "'  '             | junior        | mid.apps.5       | true",
        "${project.id}    | junior        | mid.apps.5       | true",
      })
  void runsOnlyWhereTheBuildAskedForIt(
      String module, String selectors, String args, boolean expected) {
    String[] arguments = args.isEmpty() ? new String[0] : new String[] {args};

    assertThat(BuildSelection.parse(module, selectors(selectors)).runsHere(arguments))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mid", " mid ", ":mid", "./mid//", "group:mid"})
  void readsASelectorAsMavenTakesIt(String selector) {
    assertThat(BuildSelection.parse("x", List.of(selector)).included()).containsExactly("mid");
  }

  @Test
  void ignoresAbsentSelectors() {
    var selection = BuildSelection.parse("mid", Arrays.asList(null, "", " "));

    assertThat(selection.included()).isEmpty();
    assertThat(selection.excluded()).isEmpty();
    assertThat(selection.module()).isEqualTo("mid");
  }

  @Test
  void readsTheSelectionTheBuildSet() {
    System.setProperty(BuildSelection.MODULE, "junior");
    System.setProperty(BuildSelection.SELECTED + ".0", "mid");
    System.setProperty(BuildSelection.SELECTED + "." + (BuildSelection.MAX_SELECTORS - 1), "!x");

    var selection = BuildSelection.fromSystemProperties();

    assertThat(selection).isEqualTo(new BuildSelection("junior", List.of("mid"), List.of("x")));
    assertThat(selection.runsHere("--list")).isFalse();
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty(BuildSelection.MODULE);
    for (int i = 0; i < BuildSelection.MAX_SELECTORS; i++) {
      System.clearProperty(BuildSelection.SELECTED + "." + i);
    }
  }

  private static List<String> selectors(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split(" ", -1));
  }
}
