/**
 * Mid core tasks: Python idioms in their Java form (a context manager is an {@link
 * java.lang.AutoCloseable}, a decorator a higher-order wrapper or a dynamic proxy, a generator a
 * lazy {@link java.util.Iterator}), thread safety, and data structures built from scratch.
 *
 * <p>Where a task repeats a junior one, the class depends on the junior class and says what it
 * adds.
 */
package org.interviewtasks.mid.core;
