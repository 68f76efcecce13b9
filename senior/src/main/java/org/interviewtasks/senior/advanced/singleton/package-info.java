/**
 * senior.advanced.2: one instance per machine, across JVMs, through an OS file lock; the entry
 * class is {@link org.interviewtasks.senior.advanced.singleton.ProcessSafeSingleton}.
 */
package org.interviewtasks.senior.advanced.singleton;
