/**
 * Mid data structures and algorithms: linked lists and trees by hand (iteratively, so deep inputs
 * do not overflow the stack), a binary heap and the graph algorithm built on it, and search,
 * prefix, matrix and subset problems.
 *
 * <p>{@link org.interviewtasks.mid.algorithms.ListNode} and {@link
 * org.interviewtasks.mid.algorithms.TreeNode} are the node types the list and tree tasks share.
 */
package org.interviewtasks.mid.algorithms;
