/**
 * senior.advanced.3: memoization that survives the process, in SQLite over JDBC; the entry class is
 * {@link org.interviewtasks.senior.advanced.memoization.PersistentMemoization}.
 */
package org.interviewtasks.senior.advanced.memoization;
