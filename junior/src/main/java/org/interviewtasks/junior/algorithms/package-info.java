/**
 * Junior data-structure and algorithm tasks: searching, sorting, strings, small numeric algorithms,
 * and two tiny immutable node types, a singly linked list ({@link
 * org.interviewtasks.junior.algorithms.MiddleElement.Node}) and a binary tree ({@link
 * org.interviewtasks.junior.algorithms.BinaryTreeDepth.Node}).
 *
 * <p>The three quadratic sorts ({@link org.interviewtasks.junior.algorithms.BubbleSort}, {@link
 * org.interviewtasks.junior.algorithms.SelectionSort}, {@link
 * org.interviewtasks.junior.algorithms.InsertionSort}) offer the same three shapes: an {@code
 * int[]} sorted in place, a {@code T[]} sorted in place by a {@link java.util.Comparator}, and a
 * new sorted {@link java.util.List}. Where recursion could overflow the stack on a large input
 * (nested lists, deep trees) the solution is iterative, with an explicit stack or queue.
 */
package org.interviewtasks.junior.algorithms;
