package org.interviewtasks.mid.oop;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.interviewtasks.common.Task;
import org.interviewtasks.mid.algorithms.TreeNode;

/**
 * Serializes a binary tree to JSON and back, with Jackson, for trees of any depth.
 *
 * <p><b>The format.</b> A flat JSON array of the values in level order, with {@code null} where a
 * child is missing, and trailing nulls dropped: the tree with root 1, children 2 and 3, and a right
 * child 4 under 2 is {@code [1,2,3,null,4]}, the format of LeetCode's tree problems. Each node
 * costs one element and each missing child one {@code null}, so n nodes take at most 2n + 1
 * elements, whatever the shape. Values are written and read by Jackson's data binding, so they can
 * be numbers, strings or whole objects; they must not be null (null marks a missing child, and
 * {@link TreeNode} has no null values).
 *
 * <p><b>Why not nested objects?</b> The obvious format, {@code {"value":1,"left":{...},"right":
 * {...}}}, nests as deep as the tree. A degenerate tree (a path) of 100 000 nodes is 100 000 levels
 * of nesting: a recursive serializer overflows the stack, and Jackson refuses such input anyway, as
 * a defence against denial of service, above {@code StreamReadConstraints.DEFAULT_MAX_DEPTH} (1000)
 * levels (and likewise on output). The flat array has depth 1.
 *
 * <p><b>Approach.</b> Both directions are breadth-first loops with a queue, no recursion, and
 * stream through Jackson's {@link JsonGenerator} and {@link JsonParser} without building a JSON
 * tree in memory: O(n) time, O(w) extra space for the widest level w (plus the tree itself).
 * Writing counts pending nulls and emits them only when a value follows, which drops the trailing
 * ones. Reading hands each element to the oldest node still missing a child, left then right.
 *
 * <p><b>Edge cases.</b> The empty tree is {@code []} (and {@code [null]} reads as empty too).
 * Reading rejects, with {@link IllegalArgumentException}: anything but an array, malformed JSON,
 * values of the wrong type, elements left over when every node already has both children (such as
 * anything after a null root), and content after the array. The reader or writer passed in is not
 * closed.
 *
 * <p><b>Follow-up.</b> <i>"N-ary trees?"</i> Write each node's child count after its value (or a
 * list of nodes with child indices), still flat. <i>"Smaller output?"</i> Pre-order with null
 * markers needs no queue when reading, but reading it naively recurses to the tree's depth; or use
 * a binary format such as CBOR or Smile, which Jackson also speaks.
 *
 * @param <T> the type of the values
 */
@Task(id = "mid.oop.4", title = "Serialize a tree to JSON")
public final class TreeSerializer<T> {

  private final ObjectMapper mapper;
  private final Class<T> valueType;

  /** A serializer for values of {@code valueType}, with a default {@link ObjectMapper}. */
  public TreeSerializer(Class<T> valueType) {
    this(new ObjectMapper(), valueType);
  }

  /** A serializer for values of {@code valueType}, bound by {@code mapper}. */
  public TreeSerializer(ObjectMapper mapper, Class<T> valueType) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
  }

  /** The tree as a JSON array in level order; {@code []} for the empty tree ({@code null}). */
  public String toJson(TreeNode<T> root) {
    StringWriter json = new StringWriter();
    try {
      write(root, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return json.toString();
  }

  /**
   * Writes the tree as a JSON array in level order to {@code out}, which stays open.
   *
   * @throws IOException if writing fails
   */
  public void write(TreeNode<T> root, Writer out) throws IOException {
    Objects.requireNonNull(out, "out");
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      generator.writeStartArray();
      List<TreeNode<T>> slots = new ArrayList<>(); // level order, null for a missing child
      slots.add(root);
      int pendingNulls = 0;
      for (int i = 0; i < slots.size(); i++) {
        TreeNode<T> node = slots.get(i);
        slots.set(i, null); // let the list hold only the frontier's nodes alive
        if (node == null) {
          pendingNulls++;
          continue;
        }
        for (; pendingNulls > 0; pendingNulls--) {
          generator.writeNull();
        }
        generator.writeObject(node.value());
        slots.add(node.left());
        slots.add(node.right());
      }
      generator.writeEndArray();
    }
  }

  /**
   * The tree that {@code json} describes.
   *
   * @throws IllegalArgumentException if it is not a level-order array of values of the type
   */
  public TreeNode<T> fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return read(new StringReader(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringReader does not fail
    }
  }

  /**
   * Reads a tree from {@code in}, which stays open.
   *
   * @throws IllegalArgumentException if the content is not a level-order array of values of the
   *     type
   * @throws IOException if reading fails
   */
  public TreeNode<T> read(Reader in) throws IOException {
    Objects.requireNonNull(in, "in");
    try (JsonParser parser = mapper.createParser(in)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException(
            "expected a JSON array of values in level order, found " + describe(first));
      }
      TreeNode<T> root = null;
      Deque<TreeNode<T>> awaitingChildren = new ArrayDeque<>();
      boolean leftNext = true;
      int index = 0;
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_ARRAY;
          token = parser.nextToken()) {
        TreeNode<T> node =
            token == JsonToken.VALUE_NULL ? null : new TreeNode<>(readValue(parser, index));
        if (index == 0) {
          root = node;
        } else if (awaitingChildren.isEmpty()) {
          throw new IllegalArgumentException(
              "element " + index + " has no parent: every node before it has its two children");
        } else if (leftNext) {
          awaitingChildren.peek().setLeft(node);
        } else {
          awaitingChildren.remove().setRight(node);
        }
        if (index > 0) {
          leftNext = !leftNext;
        }
        if (node != null) {
          awaitingChildren.add(node);
        }
        index++;
      }
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new IllegalArgumentException("unexpected " + describe(after) + " after the array");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private T readValue(JsonParser parser, int index) throws IOException {
    try {
      return parser.readValueAs(valueType);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "element "
              + index
              + " is not a "
              + valueType.getSimpleName()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "the end of the input";
    }
    return token.asString() == null ? token.name() : "'" + token.asString() + "'";
  }
}
