/**
 * Junior real-world applications: small programs a user runs, built the way production code is.
 *
 * <p>The command lines use picocli: {@code --help} on every command, errors on standard error, and
 * exit codes 0 (done), 1 (failed) and 2 (usage error). Each entry class has a {@code run} method
 * that executes its command line in-process with the given writers and returns the exit code, which
 * is what the tests call; its {@code main} runs the same with the console and hands the code to
 * {@link org.interviewtasks.common.TaskRunner}, which reports a usage error as an {@link
 * IllegalArgumentException} and any other failure as an exception. The HTTP clients use OkHttp with
 * timeouts and a User-Agent ({@link org.interviewtasks.junior.apps.Http}); the tests serve them
 * from OkHttp's {@code MockWebServer} on the loopback interface, and the mail sender talks to an
 * in-process SMTP server.
 */
package org.interviewtasks.junior.apps;
