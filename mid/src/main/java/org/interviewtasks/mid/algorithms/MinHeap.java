package org.interviewtasks.mid.algorithms;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.interviewtasks.common.Task;

/**
 * A binary min-heap: the smallest element on top, O(log n) insertion and removal, O(1) peek.
 *
 * <p><b>Approach.</b> A complete binary tree stored level by level in an array, with no links: the
 * children of index i are 2i + 1 and 2i + 2, its parent (i − 1) / 2. The heap property (no element
 * is smaller than its parent) puts the minimum at index 0. {@link #add} appends at the end and
 * sifts the element up while it is smaller than its parent; {@link #poll} moves the last element to
 * the root and sifts it down, swapping with the smaller child. Both walk one root-to-leaf path:
 * O(log n), written as loops. Elements are ordered by a {@link Comparator}, so the same class is a
 * max-heap with {@code Comparator.reverseOrder()}. The array grows by doubling: amortized O(1) per
 * element.
 *
 * <p>{@link #heapify} builds a heap of n elements in O(n), not O(n log n): it sifts down every
 * inner node, from the last one up to the root. Half the nodes are leaves and need no work, a
 * quarter sift down at most one level, an eighth at most two, and so on; a level costs two
 * comparisons, and n · Σ h/2^h = 2n, so heapify makes at most 2n comparisons. Adding the n elements
 * one by one would cost up to n log₂ n.
 *
 * <p><b>Edge cases.</b> {@link #peek} and {@link #poll} on an empty heap throw {@link
 * NoSuchElementException} rather than return {@code null} as {@link java.util.PriorityQueue} does;
 * null elements are rejected, since they cannot be compared. Equal elements come out in no
 * particular order: a heap is not stable.
 *
 * <p><b>Follow-up.</b> <i>"Decrease-key, for Dijkstra?"</i> It needs each element's index, kept in
 * a map updated on every swap; the simpler alternative is to insert a new entry and skip stale ones
 * when they surface (lazy deletion), which is what {@link Dijkstra} does with this heap. <i>"The k
 * smallest of a stream?"</i> A max-heap of size k: O(n log k) time, O(k) space.
 *
 * @param <E> the type of the elements
 */
@Task(id = "mid.algorithms.3", title = "Min-heap")
public final class MinHeap<E> {

  private static final int INITIAL_CAPACITY = 16;
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8; // what VMs allow for an array

  private final Comparator<? super E> comparator;
  private Object[] elements;
  private int size;

  /** An empty heap ordered by {@code comparator}. */
  public MinHeap(Comparator<? super E> comparator) {
    this.comparator = Objects.requireNonNull(comparator, "comparator");
    this.elements = new Object[INITIAL_CAPACITY];
  }

  /** An empty heap in the natural order of its elements. */
  public static <E extends Comparable<? super E>> MinHeap<E> natural() {
    return new MinHeap<>(Comparator.naturalOrder());
  }

  /**
   * A heap of the given elements, built in O(n).
   *
   * @throws NullPointerException if an element is null
   */
  public static <E> MinHeap<E> heapify(
      Collection<? extends E> elements, Comparator<? super E> comparator) {
    MinHeap<E> heap = new MinHeap<>(comparator);
    Object[] copy = elements.toArray();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        throw new NullPointerException("null element at index " + i);
      }
    }
    heap.elements = Arrays.copyOf(copy, Math.max(copy.length, INITIAL_CAPACITY));
    heap.size = copy.length;
    for (int i = heap.size / 2 - 1; i >= 0; i--) {
      heap.siftDown(i);
    }
    return heap;
  }

  /**
   * Adds an element: O(log n).
   *
   * @throws NullPointerException if the element is null
   */
  public void add(E element) {
    Objects.requireNonNull(element, "element");
    if (size == elements.length) {
      grow();
    }
    elements[size] = element;
    size++;
    siftUp(size - 1);
  }

  /**
   * The smallest element, without removing it: O(1).
   *
   * @throws NoSuchElementException if the heap is empty
   */
  public E peek() {
    requireNotEmpty();
    return elementAt(0);
  }

  /**
   * Removes and returns the smallest element: O(log n).
   *
   * @throws NoSuchElementException if the heap is empty
   */
  public E poll() {
    requireNotEmpty();
    E smallest = elementAt(0);
    size--;
    elements[0] = elements[size];
    elements[size] = null; // no stale reference for the garbage collector to keep alive
    if (size > 0) {
      siftDown(0);
    }
    return smallest;
  }

  /** How many elements the heap holds. */
  public int size() {
    return size;
  }

  /** Whether the heap holds no element. */
  public boolean isEmpty() {
    return size == 0;
  }

  private void siftUp(int index) {
    E element = elementAt(index);
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      E parentElement = elementAt(parent);
      if (comparator.compare(element, parentElement) >= 0) {
        break;
      }
      elements[i] = parentElement; // move the parent down; the element is written once at the end
      i = parent;
    }
    elements[i] = element;
  }

  private void siftDown(int index) {
    E element = elementAt(index);
    int i = index;
    int firstLeaf = size >>> 1;
    while (i < firstLeaf) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && comparator.compare(elementAt(right), elementAt(child)) < 0) {
        child = right;
      }
      E childElement = elementAt(child);
      if (comparator.compare(element, childElement) <= 0) {
        break;
      }
      elements[i] = childElement;
      i = child;
    }
    elements[i] = element;
  }

  private void grow() {
    if (elements.length == MAX_CAPACITY) {
      throw new IllegalStateException("the heap is full: " + size + " elements");
    }
    int doubled = elements.length > MAX_CAPACITY / 2 ? MAX_CAPACITY : elements.length * 2;
    elements = Arrays.copyOf(elements, doubled);
  }

  private void requireNotEmpty() {
    if (size == 0) {
      throw new NoSuchElementException("the heap is empty");
    }
  }

  @SuppressWarnings("unchecked") // only E is ever stored in elements
  private E elementAt(int index) {
    return (E) elements[index];
  }
}
