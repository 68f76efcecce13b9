package org.interviewtasks.junior.algorithms;

/**
 * The input contract the three O(n²) sorts share ({@link BubbleSort}, {@link InsertionSort}, {@link
 * SelectionSort}): at most {@value #MAX_LENGTH} elements, whose worst case, about 2³¹ comparisons,
 * still ends in a second or two. A longer array would run for minutes or hours; it is refused at
 * once, and the message points to the sort that scales.
 */
final class QuadraticSorts {

  /** The most elements a quadratic sort takes: 2¹⁶. */
  static final int MAX_LENGTH = 1 << 16;

  private QuadraticSorts() {}

  /**
   * Throws unless {@code length} is at most {@link #MAX_LENGTH}.
   *
   * @throws IllegalArgumentException "SORT sorts at most 65536 elements in O(n²); use Arrays.sort
   *     (O(n log n)) for 1000000"
   */
  static void requireAtMost(int length, String sort) {
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          sort
              + " sorts at most "
              + MAX_LENGTH
              + " elements in O(n²); use Arrays.sort (O(n log n)) for "
              + length);
    }
  }
}
