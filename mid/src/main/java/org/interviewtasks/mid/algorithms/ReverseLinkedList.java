package org.interviewtasks.mid.algorithms;

import org.interviewtasks.common.Task;

/**
 * Reverses a singly linked list in place: iteratively, recursively, and only between two positions.
 *
 * <p><b>Approach.</b> {@link #reverse} walks the list once with three pointers: the reversed part
 * behind ({@code previous}), the current node, and the rest ahead (saved before the current node's
 * link is turned around). O(n) time, O(1) space, no new nodes. {@link #reverseRecursively} reverses
 * the rest first and then hangs the current node at its end: elegant, but one stack frame per node,
 * so it refuses lists longer than {@value #RECURSION_LIMIT} nodes instead of risking a {@link
 * StackOverflowError} (Java does not eliminate tail calls). {@link #reverseBetween} reverses the
 * positions {@code from..to} only, by moving each next node of the segment to its front: one pass,
 * O(1) space, and the parts before and after stay linked.
 *
 * <p><b>Edge cases.</b> The empty list ({@code null}) and a single node are their own reverse.
 * Every method first checks the list with {@link DetectCycle} (O(n), O(1) space): a list with a
 * cycle has no end to become the new head, so it is rejected with {@link IllegalArgumentException}
 * before anything is changed. {@link #reverseBetween} checks its positions against the length
 * before it touches a link, so a bad call leaves the list as it was.
 *
 * <p><b>Follow-up.</b> <i>"Without changing the list?"</i> Build a new list by prepending copies
 * while walking the original: O(n) extra space. <i>"Reverse in groups of k?"</i> Apply the {@link
 * #reverseBetween} step to consecutive segments of k nodes, leaving a shorter last group as it is.
 */
@Task(id = "mid.algorithms.4", title = "Reverse a singly linked list")
public final class ReverseLinkedList {

  /** The longest list {@link #reverseRecursively} accepts: one stack frame per node. */
  public static final int RECURSION_LIMIT = 1_000;

  private ReverseLinkedList() {}

  /**
   * Reverses the list in place and returns its new head (the old last node).
   *
   * @throws IllegalArgumentException if the list has a cycle
   */
  public static <T> ListNode<T> reverse(ListNode<T> head) {
    requireNoCycle(head);
    ListNode<T> previous = null;
    ListNode<T> current = head;
    while (current != null) {
      ListNode<T> ahead = current.next();
      current.setNext(previous);
      previous = current;
      current = ahead;
    }
    return previous;
  }

  /**
   * Reverses the list in place by recursion and returns its new head.
   *
   * @throws IllegalArgumentException if the list has a cycle or more than {@value #RECURSION_LIMIT}
   *     nodes
   */
  public static <T> ListNode<T> reverseRecursively(ListNode<T> head) {
    int length = length(head);
    if (length > RECURSION_LIMIT) {
      throw new IllegalArgumentException(
          "a list of "
              + length
              + " nodes is too long to reverse recursively (at most "
              + RECURSION_LIMIT
              + "); use reverse(head)");
    }
    return reverseFrom(head);
  }

  private static <T> ListNode<T> reverseFrom(ListNode<T> node) {
    if (node == null || node.next() == null) {
      return node;
    }
    ListNode<T> newHead = reverseFrom(node.next());
    node.next().setNext(node); // the old successor is now the tail of the reversed rest
    node.setNext(null);
    return newHead;
  }

  /**
   * Reverses the nodes at positions {@code from..to} (0-based, inclusive) in place and returns the
   * head of the list, which is a different node only when {@code from} is 0.
   *
   * @throws IllegalArgumentException if the list has a cycle, or unless {@code 0 <= from <= to <
   *     length}
   */
  public static <T> ListNode<T> reverseBetween(ListNode<T> head, int from, int to) {
    int length = length(head);
    if (from < 0 || from > to || to >= length) {
      throw new IllegalArgumentException(
          "positions "
              + from
              + ".."
              + to
              + " are not within a list of "
              + length
              + " nodes (need 0 <= from <= to < length)");
    }
    ListNode<T> beforeStart = null;
    ListNode<T> segmentStart = head;
    for (int i = 0; i < from; i++) {
      beforeStart = segmentStart;
      segmentStart = segmentStart.next();
    }
    // Move the node after segmentStart to the front of the segment, to - from times.
    ListNode<T> segmentFront = segmentStart;
    for (int i = from; i < to; i++) {
      ListNode<T> moved = segmentStart.next();
      segmentStart.setNext(moved.next());
      moved.setNext(segmentFront);
      segmentFront = moved;
    }
    if (beforeStart == null) {
      return segmentFront;
    }
    beforeStart.setNext(segmentFront);
    return head;
  }

  private static int length(ListNode<?> head) {
    requireNoCycle(head);
    int length = 0;
    for (ListNode<?> node = head; node != null; node = node.next()) {
      length++;
    }
    return length;
  }

  private static void requireNoCycle(ListNode<?> head) {
    if (DetectCycle.hasCycle(head)) {
      throw new IllegalArgumentException("the list has a cycle, so it has no end to reverse");
    }
  }
}
