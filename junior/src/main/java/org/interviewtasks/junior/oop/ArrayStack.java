package org.interviewtasks.junior.oop;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;
import org.interviewtasks.common.Task;

/**
 * A last-in, first-out stack of any element type, backed by an array that grows as needed.
 *
 * <p><b>Approach.</b> The elements live in {@code elements[0..size)}, the top at {@code size - 1}.
 * {@link #push} writes at {@code size}, {@link #pop} reads below it: both O(1). When the array is
 * full it is copied into one twice as large; the copy costs O(n), but it happens after n cheap
 * pushes, so each push is O(1) amortized (the total work of n pushes is under 3n). A popped slot is
 * set back to {@code null}: otherwise the array would keep the popped object reachable and the
 * garbage collector could never free it ("loitering", a memory leak in a garbage-collected
 * language).
 *
 * <p><b>Edge cases.</b> {@link #pop()} and {@link #peek()} on an empty stack throw {@link
 * NoSuchElementException}, which says what went wrong better than a null or an index error. Null
 * elements are rejected, as {@link java.util.ArrayDeque} does, so that no one has to wonder whether
 * a null from {@code peek} was an element. The array never shrinks (a stack that once held a
 * million elements keeps the array); capacity beyond {@value #MAX_CAPACITY} fails with {@link
 * OutOfMemoryError} like the JDK collections. Not thread-safe: confine a stack to one thread, or
 * use {@link java.util.concurrent.ConcurrentLinkedDeque}.
 *
 * <p><b>Follow-up.</b> <i>"Which stack would you use in production?"</i> {@link
 * java.util.ArrayDeque}: the same design, as a {@link java.util.Deque}; not {@link
 * java.util.Stack}, which is synchronized for nothing and extends {@code Vector}, so it allows
 * inserting in the middle. <i>"Why grow by doubling rather than by 10?"</i> Growing by a constant
 * makes n pushes cost O(n²) in copying; any constant factor above 1 keeps them O(n).
 *
 * @param <E> the element type
 */
@Task(
    id = "junior.oop.5",
    title = "Stack class",
    usage = "[word...]   pushed in order, printed as popped")
public final class ArrayStack<E> {

  /** The capacity a stack starts with unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 8;

  /** The largest array the JVMs reliably allocate, as in the JDK's own collections. */
  static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private Object[] elements;
  private int size;

  /** An empty stack with room for {@value #DEFAULT_CAPACITY} elements before it grows. */
  public ArrayStack() {
    this(DEFAULT_CAPACITY);
  }

  /**
   * An empty stack with room for {@code capacity} elements before it grows.
   *
   * @throws IllegalArgumentException if the capacity is negative or above the maximum
   */
  public ArrayStack(int capacity) {
    elements = new Object[requireCapacity(capacity)];
  }

  /**
   * Puts an element on top.
   *
   * @throws NullPointerException if the element is null
   */
  public void push(E element) {
    Objects.requireNonNull(element, "element");
    if (size == elements.length) {
      elements = Arrays.copyOf(elements, grownCapacity(size));
    }
    elements[size++] = element;
  }

  /**
   * Removes the top element and returns it.
   *
   * @throws NoSuchElementException if the stack is empty
   */
  public E pop() {
    E top = peek();
    elements[--size] = null; // no loitering: the stack no longer keeps the element alive
    return top;
  }

  /**
   * The top element, left in place.
   *
   * @throws NoSuchElementException if the stack is empty
   */
  public E peek() {
    if (size == 0) {
      throw new NoSuchElementException("the stack is empty");
    }
    return elementAt(size - 1);
  }

  /** Whether the stack has no elements. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** The number of elements. */
  public int size() {
    return size;
  }

  /** The elements from the top down, e.g. {@code [c, b, a]} after pushing a, b, c. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (int i = size - 1; i >= 0; i--) {
      joiner.add(String.valueOf(elements[i]));
    }
    return joiner.toString();
  }

  /** The length of the backing array; for tests of the growth policy. */
  int capacity() {
    return elements.length;
  }

  /** How many slots of the backing array hold a reference; for the no-loitering test. */
  int occupiedSlots() {
    return (int) Arrays.stream(elements).filter(Objects::nonNull).count();
  }

  /** The capacity, when it is between 0 and {@link #MAX_CAPACITY}. */
  static int requireCapacity(int capacity) {
    if (capacity < 0 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "capacity must be between 0 and " + MAX_CAPACITY + ": " + capacity);
    }
    return capacity;
  }

  /** Twice the capacity, at least one more, at most {@link #MAX_CAPACITY}. */
  static int grownCapacity(int capacity) {
    if (capacity == MAX_CAPACITY) {
      throw new OutOfMemoryError("a stack cannot hold more than " + MAX_CAPACITY + " elements");
    }
    long doubled = (long) capacity + Math.max(capacity, 1); // in a long: cannot overflow
    return (int) Math.min(doubled, MAX_CAPACITY);
  }

  @SuppressWarnings("unchecked") // only push stores into the array, and it takes an E
  private E elementAt(int index) {
    return (E) elements[index];
  }

  /**
   * Pushes every argument, then pops them all and prints them, one per line: the stack reverses its
   * input.
   */
  public static void main(String... args) {
    ArrayStack<String> stack = new ArrayStack<>();
    for (String arg : args) {
      stack.push(arg);
    }
    while (!stack.isEmpty()) {
      System.out.println(stack.pop());
    }
  }
}
