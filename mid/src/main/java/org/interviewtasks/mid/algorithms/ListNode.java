package org.interviewtasks.mid.algorithms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A node of a singly linked list: a value and a link to the next node, {@code null} at the end.
 *
 * <p>A list is represented by its head node, and the empty list by {@code null}, as in the
 * interview tasks that use it ({@link DetectCycle}, {@link ReverseLinkedList}). The link is mutable
 * because those tasks rewire lists in place and build lists with cycles; the value is not, and it
 * is never {@code null}. That is why mid has its own node type rather than junior's {@code
 * MiddleElement.Node}: a record's link is final, so a record list can neither be reversed in place
 * nor made to loop back on itself.
 *
 * @param <T> the type of the values
 */
public final class ListNode<T> {

  private final T value;
  private ListNode<T> next;

  /** A node with no successor. */
  public ListNode(T value) {
    this(value, null);
  }

  /** A node followed by {@code next} (which may be {@code null}). */
  public ListNode(T value, ListNode<T> next) {
    this.value = Objects.requireNonNull(value, "value");
    this.next = next;
  }

  /** The value of this node. */
  public T value() {
    return value;
  }

  /** The next node, or {@code null} if this is the last one. */
  public ListNode<T> next() {
    return next;
  }

  /** Links this node to {@code next} (which may be {@code null}). */
  public void setNext(ListNode<T> next) {
    this.next = next;
  }

  /**
   * A new list of the given values, in order; {@code null} (the empty list) if there are none.
   *
   * @throws NullPointerException if a value is null
   */
  @SafeVarargs
  public static <T> ListNode<T> of(T... values) {
    ListNode<T> head = null;
    for (int i = values.length - 1; i >= 0; i--) {
      head = new ListNode<>(values[i], head);
    }
    return head;
  }

  /**
   * A new list of the given values, in order; {@code null} (the empty list) if there are none.
   *
   * @throws NullPointerException if a value is null
   */
  public static <T> ListNode<T> of(List<? extends T> values) {
    ListNode<T> head = null;
    for (int i = values.size() - 1; i >= 0; i--) {
      head = new ListNode<>(values.get(i), head);
    }
    return head;
  }

  /**
   * The values of the list that starts at {@code head}, in order; empty for {@code null}.
   *
   * @throws IllegalArgumentException if the list has a cycle, which would make it endless
   */
  public static <T> List<T> values(ListNode<T> head) {
    if (DetectCycle.hasCycle(head)) {
      throw new IllegalArgumentException("the list has a cycle");
    }
    List<T> values = new ArrayList<>();
    for (ListNode<T> node = head; node != null; node = node.next) {
      values.add(node.value);
    }
    return Collections.unmodifiableList(values);
  }

  /** This node's value only: printing the whole list could loop forever on a cycle. */
  @Override
  public String toString() {
    return "ListNode[" + value + "]";
  }
}
