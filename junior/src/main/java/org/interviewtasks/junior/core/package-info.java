/**
 * Junior core tasks: the language itself, on numbers, strings and lists.
 *
 * <p>Every entry class is a small utility class with static methods and a {@code main} that runs
 * the task on its command-line arguments, so {@code TaskRunner junior.core.N args...} shows it at
 * work.
 */
package org.interviewtasks.junior.core;
