package org.interviewtasks.mid.oop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.interviewtasks.common.testing.RandomData;
import org.interviewtasks.common.testing.Seeds;
import org.interviewtasks.mid.algorithms.TreeNode;
import org.interviewtasks.mid.algorithms.Trees;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TreeSerializerTest {

  final TreeSerializer<Integer> ints = new TreeSerializer<>(Integer.class);

  @Nested
  class Format {

    @Test
    void writesLevelOrderWithNullsForMissingChildren() {
      TreeNode<Integer> root =
          new TreeNode<>(1, new TreeNode<>(2, null, new TreeNode<>(4)), new TreeNode<>(3));

      assertThat(ints.toJson(root)).isEqualTo("[1,2,3,null,4]");
    }

    @Test
    void dropsTrailingNullsButKeepsInnerOnes() {
      TreeNode<Integer> leftOnly =
          new TreeNode<>(1, new TreeNode<>(2, new TreeNode<>(3), null), null);
      TreeNode<Integer> rightOnly =
          new TreeNode<>(1, null, new TreeNode<>(2, null, new TreeNode<>(3)));

      assertThat(ints.toJson(leftOnly)).isEqualTo("[1,2,null,3]");
      assertThat(ints.toJson(rightOnly)).isEqualTo("[1,null,2,null,3]");
      assertThat(ints.toJson(new TreeNode<>(7))).isEqualTo("[7]");
      assertThat(ints.toJson(null)).isEqualTo("[]");
    }

    @Test
    void valuesCanBeAnyJsonValue() {
      TreeSerializer<Point> points = new TreeSerializer<>(Point.class);
      TreeNode<Point> root =
          new TreeNode<>(new Point(1, -2), null, new TreeNode<>(new Point(0, 0)));
      TreeSerializer<String> strings = new TreeSerializer<>(String.class);

      String json = points.toJson(root);

      assertThat(json).isEqualTo("[{\"x\":1,\"y\":-2},null,{\"x\":0,\"y\":0}]");
      assertThat(Trees.shape(points.fromJson(json))).isEqualTo(Trees.shape(root));
      assertThat(strings.toJson(new TreeNode<>("ü \"q\" 😀"))).isEqualTo("[\"ü \\\"q\\\" 😀\"]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "[]|",
          "[null]|",
          "[1]|1(-,-)",
          "[1,2,3,null,4]|1(2,3); 2(-,4); 3(-,-); 4(-,-)",
          "[1,null,2,null,3]|1(-,2); 2(-,3); 3(-,-)",
          "[1,2,null,3]|1(2,-); 2(3,-); 3(-,-)",
          "[1,2,3,null,null,null,null]|1(2,3); 2(-,-); 3(-,-)",
          "  [ 5 , null , 6 ]  |5(-,6); 6(-,-)"
        })
    void readsLevelOrder(String json, String expectedShape) {
      List<String> expected =
          expectedShape == null ? List.of() : List.of(expectedShape.split("; "));

      assertThat(Trees.shape(ints.fromJson(json))).isEqualTo(expected);
    }
  }

  /** A value type with two fields, bound by Jackson as a record. */
  record Point(int x, int y) {}

  @Nested
  class DeepTrees {

    static final int DEPTH = 100_000;

    @ParameterizedTest(name = "left = {0}")
    @CsvSource({"true", "false"})
    void aHundredThousandLevelsRoundTripWithoutOverflow(boolean left) {
      TreeNode<Integer> root = Trees.chain(DEPTH, left);

      String json = ints.toJson(root);
      TreeNode<Integer> back = ints.fromJson(json);

      assertThat(json).startsWith(left ? "[0,1,null,2,null,3" : "[0,null,1,null,2");
      assertThat(Trees.shape(back)).isEqualTo(Trees.shape(root));
    }

    @Test
    void aNestedFormatWouldHitJacksonsDepthLimit() {
      StringBuilder nested = new StringBuilder();
      for (int i = 0; i < 2_000; i++) {
        nested.append("{\"v\":").append(i).append(",\"left\":");
      }
      nested.append("null").append("}".repeat(2_000));

      assertThatThrownBy(() -> new ObjectMapper().readTree(nested.toString()))
          .isInstanceOf(StreamConstraintsException.class)
          .hasMessageContaining("1000");
    }
  }

  @Nested
  class Streams {

    @Test
    void writesToAndReadsFromStreamsThatStayOpen() throws IOException {
      TreeNode<Integer> root = new TreeNode<>(1, new TreeNode<>(2), null);
      StringWriter out = new StringWriter();
      out.write("tree: ");

      ints.write(root, out);
      out.write(" (end)");

      assertThat(out).hasToString("tree: [1,2] (end)");
      StringReader in = new StringReader("[3,4]");
      assertThat(Trees.shape(ints.read(in))).containsExactly("3(4,-)", "4(-,-)");
      assertThat(in.ready()).isTrue(); // still open: a closed StringReader would throw
    }
  }

  @Nested
  class Errors {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
          "{\"a\":1}|expected a JSON array of values in level order, found '{'",
          "5|expected a JSON array of values in level order, found VALUE_NUMBER_INT",
          "''|expected a JSON array of values in level order, found the end of the input",
          "[null,1]|element 1 has no parent: every node before it has its two children",
          "[1,null,null,2]|element 3 has no parent: every node before it has its two children",
          "[1,2,null,null,null,5]|element 5 has no parent: every node before it has its two children",
          "[1] 2|unexpected VALUE_NUMBER_INT after the array",
          "[1][2]|unexpected '[' after the array"
        })
    void rejectsWhatIsNotALevelOrderArray(String json, String message) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ints.fromJson(json))
          .withMessage(message);
    }

    @Test
    void rejectsMalformedJsonAndWrongValueTypes() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ints.fromJson("[1,2"))
          .withMessageStartingWith("malformed JSON: ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ints.fromJson("[1,"))
          .withMessageStartingWith("malformed JSON: ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ints.fromJson("[1,\"two\"]"))
          .withMessageStartingWith("element 1 is not a Integer: ");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> ints.fromJson("[[1]]"))
          .withMessageStartingWith("element 0 is not a Integer: ");
    }

    @Test
    void rejectsNulls() {
      assertThatNullPointerException()
          .isThrownBy(() -> new TreeSerializer<>(null))
          .withMessage("valueType");
      assertThatNullPointerException()
          .isThrownBy(() -> new TreeSerializer<>(null, Integer.class))
          .withMessage("mapper");
      assertThatNullPointerException().isThrownBy(() -> ints.fromJson(null)).withMessage("json");
      assertThatNullPointerException().isThrownBy(() -> ints.read(null)).withMessage("in");
      assertThatNullPointerException().isThrownBy(() -> ints.write(null, null)).withMessage("out");
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void roundTripsRandomTrees(long seed) {
    TreeSerializer<String> strings = new TreeSerializer<>(String.class);
    SplittableRandom random = new SplittableRandom(seed);
    TreeNode<String> root = Trees.randomTree(random, 80, i -> RandomData.text(random, 4));

    String json = strings.toJson(root);
    TreeNode<String> back = strings.fromJson(json);

    assertThat(Trees.shape(back)).isEqualTo(Trees.shape(root));
    assertThat(strings.toJson(back)).isEqualTo(json);
    assertThat(json).doesNotEndWith("null]");
  }

  static LongStream seeds() {
    return Seeds.derive(200);
  }
}
