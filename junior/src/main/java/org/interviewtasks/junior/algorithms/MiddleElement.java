package org.interviewtasks.junior.algorithms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;
import org.interviewtasks.common.Task;

/**
 * Finds the middle element of a singly linked list in one pass.
 *
 * <p><b>Approach.</b> Two pointers start at the head; the slow one moves one node per step, the
 * fast one two. When the fast one runs off the end, the slow one has covered half the distance and
 * stands in the middle. One pass, O(n) time, O(1) space, without knowing the length in advance.
 * {@link #middleByCounting} is the obvious alternative, two passes (count, then walk n / 2 nodes):
 * the same O(n), but it reads the list twice, which matters when following a node is expensive or
 * the list is a stream.
 *
 * <p>The list is the minimal type {@link Node}: an immutable value and a link to the next node, or
 * null at the end. Because a node's {@code next} is fixed when it is built, and a list is built
 * from its tail, a {@code Node} list can never contain a cycle, which a mutable list could (and
 * then "the middle" would not exist: the fast pointer would loop forever; Floyd's cycle detection
 * is the same two pointers, checking whether they meet).
 *
 * <p><b>Edge cases.</b> In a list of even length there are two middles; this returns the second,
 * the element at index n / 2 (so {@code [1, 2, 3, 4]} gives 3), as {@code list.get(size / 2)}
 * would. Stopping the fast pointer one step earlier ({@code fast.next().next() != null}) gives the
 * first. A one-element list is its own middle. The empty list is {@code null}, the usual
 * representation, and has no middle: {@link NoSuchElementException}.
 *
 * <p><b>Follow-up.</b> <i>"Split the list in two halves?"</i> Stop at the first middle; in a
 * mutable list cut its {@code next}, the first step of merge sort on linked lists. <i>"Is the list
 * a palindrome?"</i> Find the middle, reverse the second half, compare the halves.
 */
@Task(
    id = "junior.algorithms.19",
    title = "Middle element of a linked list",
    usage = "<element> [element...]")
public final class MiddleElement {

  private MiddleElement() {}

  /**
   * A node of an immutable singly linked list: a non-null value and the rest of the list, {@code
   * null} at the end. {@code equals}, {@code hashCode} and {@code toString} compare, hash and print
   * the whole list from this node on, with loops rather than recursion, so a list of a million
   * nodes works; the hash equals that of a {@link List} of the same values.
   *
   * @param value the element
   * @param next the following node, or {@code null} if this is the last
   * @param <T> the type of the elements
   */
  public record Node<T>(T value, Node<T> next) {

    /**
     * A node, with its value checked.
     *
     * @throws NullPointerException if the value is null
     */
    public Node {
      Objects.requireNonNull(value, "value");
    }

    /**
     * The list of {@code values} in order: its head, or {@code null} (the empty list) if there are
     * none.
     *
     * @throws NullPointerException if a value is null
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array only passes through a list view that reads it
    public static <T> Node<T> of(T... values) {
      Objects.requireNonNull(values, "values");
      return of(Arrays.asList(values));
    }

    /**
     * The list of {@code values} in order: its head, or {@code null} (the empty list) if there are
     * none.
     *
     * @throws NullPointerException if a value is null
     */
    public static <T> Node<T> of(List<? extends T> values) {
      Objects.requireNonNull(values, "values");
      Node<T> head = null; // built from the tail, so each node's next already exists
      for (var backwards = values.listIterator(values.size()); backwards.hasPrevious(); ) {
        head = new Node<>(backwards.previous(), head);
      }
      return head;
    }

    /** The values from this node to the end, in order. */
    public List<T> toList() {
      List<T> values = new ArrayList<>();
      for (Node<T> node = this; node != null; node = node.next) {
        values.add(node.value);
      }
      return values;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Node<?> other)) {
        return false;
      }
      Node<?> a = this;
      Node<?> b = other;
      while (a != null && b != null) {
        if (!a.value.equals(b.value)) {
          return false;
        }
        a = a.next;
        b = b.next;
      }
      return a == null && b == null; // both ended: same length
    }

    @Override
    public int hashCode() {
      int hash = 1;
      for (Node<T> node = this; node != null; node = node.next) {
        hash = 31 * hash + node.value.hashCode();
      }
      return hash;
    }

    /** The values from this node on, e.g. {@code [1 -> 2 -> 3]}. */
    @Override
    public String toString() {
      StringJoiner text = new StringJoiner(" -> ", "[", "]");
      for (Node<T> node = this; node != null; node = node.next) {
        text.add(String.valueOf(node.value));
      }
      return text.toString();
    }
  }

  /**
   * The middle value of the list starting at {@code head}: of two middles, the second.
   *
   * @throws NoSuchElementException if the list is empty ({@code head} is null)
   */
  public static <T> T middle(Node<T> head) {
    return middleNode(head).value();
  }

  /**
   * The middle node of the list starting at {@code head}, by slow and fast pointers: of two
   * middles, the second.
   *
   * @throws NoSuchElementException if the list is empty ({@code head} is null)
   */
  public static <T> Node<T> middleNode(Node<T> head) {
    requireNonEmpty(head);
    Node<T> slow = head;
    Node<T> fast = head;
    while (fast != null && fast.next() != null) {
      slow = slow.next();
      fast = fast.next().next();
    }
    return slow;
  }

  /**
   * The middle value of the list starting at {@code head}, by counting the nodes and walking half
   * way: of two middles, the second.
   *
   * @throws NoSuchElementException if the list is empty ({@code head} is null)
   */
  public static <T> T middleByCounting(Node<T> head) {
    requireNonEmpty(head);
    int size = 0;
    for (Node<T> node = head; node != null; node = node.next()) {
      size++;
    }
    Node<T> middle = head;
    for (int i = 0; i < size / 2; i++) {
      middle = middle.next();
    }
    return middle.value();
  }

  private static void requireNonEmpty(Node<?> head) {
    if (head == null) {
      throw new NoSuchElementException("an empty list has no middle element");
    }
  }

  /**
   * Prints the middle one of the arguments, of two middles the second, e.g. {@code a b c d} prints
   * {@code c}.
   *
   * @throws IllegalArgumentException if there are no arguments
   */
  public static void main(String... args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: junior.algorithms.19 <element> [element...]");
    }
    System.out.println(middle(Node.of(args)));
  }
}
