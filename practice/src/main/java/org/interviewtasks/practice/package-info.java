/**
 * Practice mode: a learner solves a task in a workspace of their own and the task's reference tests
 * judge the code.
 *
 * <p>{@link org.interviewtasks.practice.Practice} is the command line ({@code start}, {@code
 * check}, {@code list}, {@code show}, {@code reset}, {@code check-all}); {@link
 * org.interviewtasks.practice.StubWriter} turns a task's sources into a stub with JavaParser;
 * {@link org.interviewtasks.practice.TaskFiles} says which sources and which test classes belong to
 * a task; {@link org.interviewtasks.practice.TestFork} runs test classes in a forked JVM through
 * {@link org.interviewtasks.practice.TestRunner}, which reports a {@link
 * org.interviewtasks.practice.TestSummary}.
 */
package org.interviewtasks.practice;
