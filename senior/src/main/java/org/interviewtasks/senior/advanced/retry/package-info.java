/**
 * senior.advanced.4: retrying a call that fails now and then, with exponential backoff and jitter,
 * a budget of attempts and time, and a guard against repeating what must not be repeated; the entry
 * class is {@link org.interviewtasks.senior.advanced.retry.Retry}.
 */
package org.interviewtasks.senior.advanced.retry;
