package org.interviewtasks.mid.oop;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * A stack with push, pop and peek that also answers "what is the smallest element?" in O(1).
 *
 * <p><b>Approach.</b> Scanning for the minimum costs O(n), and a single "current minimum" field
 * cannot be restored when the minimum is popped. So a second stack remembers the minima: an element
 * is pushed onto it when it is less than or equal to the current minimum, and popped from it when
 * the element leaving the main stack is that minimum. The top of the second stack is then always
 * the minimum of the whole main stack: every operation is O(1) (amortized, for the growth of the
 * backing arrays). Equal minima are pushed again (the "or equal"), or popping one copy would lose
 * the minimum while another copy is still on the stack. Space is O(n) in the worst case (a
 * non-increasing sequence) but often much less, unlike the variant that stores a (value, minimum)
 * pair for every element. Elements are ordered by a {@link Comparator}, so the same class answers
 * "maximum" with a reversed comparator.
 *
 * <p><b>Edge cases.</b> {@link #pop}, {@link #peek} and {@link #min} on an empty stack throw {@link
 * NoSuchElementException}; null elements are rejected. Of several equal minima, {@link #min}
 * returns the most recently pushed one (they are equal by the comparator, which may still be
 * distinguishable objects). Not thread-safe.
 *
 * <p><b>Follow-up.</b> <i>"O(1) extra space for integers?"</i> Store 2x − min instead of x when x
 * is a new minimum, and decode on pop; it overflows near the ends of the range, so use long for
 * ints. <i>"A queue with O(1) min?"</i> Two min-stacks make a queue (push to one, pop from the
 * other, refilling it when empty), with amortized O(1) min over both.
 *
 * @param <E> the type of the elements
 */
@Task(id = "mid.oop.5", title = "Stack with O(1) minimum")
public final class MinStack<E> {

  private final Comparator<? super E> comparator;
  private final List<E> elements = new ArrayList<>();
  private final List<E> minima = new ArrayList<>();

  /** An empty stack whose minimum is by {@code comparator}. */
  public MinStack(Comparator<? super E> comparator) {
    this.comparator = Objects.requireNonNull(comparator, "comparator");
  }

  /** An empty stack whose minimum is by the natural order. */
  public static <E extends Comparable<? super E>> MinStack<E> natural() {
    return new MinStack<>(Comparator.naturalOrder());
  }

  /**
   * Pushes an element on top.
   *
   * @throws NullPointerException if it is null
   */
  public void push(E element) {
    Objects.requireNonNull(element, "element");
    elements.add(element);
    if (minima.isEmpty() || comparator.compare(element, last(minima)) <= 0) {
      minima.add(element);
    }
  }

  /**
   * Removes and returns the top element.
   *
   * @throws NoSuchElementException if the stack is empty
   */
  public E pop() {
    requireNotEmpty();
    E top = elements.remove(elements.size() - 1);
    if (comparator.compare(top, last(minima)) == 0) {
      minima.remove(minima.size() - 1);
    }
    return top;
  }

  /**
   * The top element, without removing it.
   *
   * @throws NoSuchElementException if the stack is empty
   */
  public E peek() {
    requireNotEmpty();
    return last(elements);
  }

  /**
   * The smallest element on the stack, in O(1).
   *
   * @throws NoSuchElementException if the stack is empty
   */
  public E min() {
    requireNotEmpty();
    return last(minima);
  }

  /** How many elements are on the stack. */
  public int size() {
    return elements.size();
  }

  /** Whether the stack is empty. */
  public boolean isEmpty() {
    return elements.isEmpty();
  }

  /** How many minima are remembered: at most {@link #size()}, often far fewer. */
  int minimaSize() {
    return minima.size();
  }

  private static <E> E last(List<E> list) {
    return list.get(list.size() - 1);
  }

  private void requireNotEmpty() {
    if (elements.isEmpty()) {
      throw new NoSuchElementException("the stack is empty");
    }
  }
}
