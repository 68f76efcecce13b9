package org.interviewtasks.mid.algorithms;

import java.util.Optional;
import org.interviewtasks.common.Task;

/**
 * Detects a cycle in a singly linked list and finds where it starts and how long it is.
 *
 * <p><b>Approach.</b> Floyd's tortoise and hare: one pointer moves one node per step, the other
 * two. Without a cycle the fast one falls off the end; with one, both end up in the cycle and the
 * fast one gains a node per step, so they meet within one lap. That takes O(n) time and O(1) space,
 * where a set of visited nodes needs O(n) space. Why the meeting point finds the start: say the
 * tail before the cycle has μ nodes and the cycle λ. When they meet, the slow pointer has walked s
 * steps and the fast one 2s, and 2s − s = s is a multiple of λ; so a pointer that walks μ more
 * steps from the meeting point has walked μ + s ≡ μ (mod λ) from the head: it is at the cycle's
 * start. Hence: restart one pointer at the head, move both one step at a time, and they meet at the
 * start, after μ steps. One more lap from there counts λ.
 *
 * <p><b>Edge cases.</b> The empty list ({@code null}) and a single node without a self-link have no
 * cycle; a node linked to itself is a cycle of length 1 starting at index 0; a list whose last node
 * links back to the head is a cycle with an empty tail. Nodes are compared by identity: two nodes
 * with equal values are different nodes.
 *
 * <p><b>Follow-up.</b> <i>"Fewer steps?"</i> Brent's algorithm teleports the slow pointer to the
 * fast one at powers of two and finds λ directly, with fewer evaluations of {@code next}: it
 * matters when {@code next} is expensive, as in Pollard's rho. <i>"A cycle in a directed
 * graph?"</i> A depth first search that colours nodes white, grey (on the current path) and black:
 * an edge to a grey node closes a cycle.
 */
@Task(id = "mid.algorithms.2", title = "Detect a cycle in a linked list")
public final class DetectCycle {

  private DetectCycle() {}

  /**
   * Where a list's cycle is.
   *
   * @param start the first node of the list that is on the cycle
   * @param startIndex how many nodes precede {@code start}: the length μ of the tail
   * @param length how many nodes the cycle has, λ &gt;= 1
   * @param <T> the type of the values
   */
  public record Cycle<T>(ListNode<T> start, int startIndex, int length) {}

  /** Whether following {@code next} from {@code head} never reaches the end. */
  public static boolean hasCycle(ListNode<?> head) {
    return meetingPoint(head) != null;
  }

  /** The cycle of the list that starts at {@code head}, or empty if the list ends. */
  public static <T> Optional<Cycle<T>> find(ListNode<T> head) {
    ListNode<T> meeting = meetingPoint(head);
    if (meeting == null) {
      return Optional.empty();
    }
    ListNode<T> fromHead = head;
    ListNode<T> fromMeeting = meeting;
    int startIndex = 0;
    while (fromHead != fromMeeting) {
      fromHead = fromHead.next();
      fromMeeting = fromMeeting.next();
      startIndex++;
    }
    int length = 1;
    for (ListNode<T> node = fromHead.next(); node != fromHead; node = node.next()) {
      length++;
    }
    return Optional.of(new Cycle<>(fromHead, startIndex, length));
  }

  /** A node where the two pointers meet, or null if the fast one reaches the end. */
  private static <T> ListNode<T> meetingPoint(ListNode<T> head) {
    ListNode<T> slow = head;
    ListNode<T> fast = head;
    while (fast != null && fast.next() != null) {
      slow = slow.next();
      fast = fast.next().next();
      if (slow == fast) {
        return slow;
      }
    }
    return null;
  }
}
