/**
 * Real servers started on this machine for the demos (a task's {@code main}) and, through the JUnit
 * extensions in the test sources, for the tests: no Docker and no setup needed.
 *
 * <p>The classes here use optional dependencies of this library ({@code org.signal:embedded-redis}
 * for the Redis binary, {@code curator-test} for ZooKeeper): a project that depends on the library
 * for its tasks does not inherit them, and only these classes (and the demos that call them) need
 * them. Everything listens on 127.0.0.1 only, on free ports.
 */
package org.interviewtasks.senior.infra;
