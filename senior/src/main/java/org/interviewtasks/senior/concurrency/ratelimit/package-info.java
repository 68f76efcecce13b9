/**
 * senior.concurrency.3: admitting at most so many requests per unit of time, lock-free, with
 * blocking, timed and asynchronous acquisition; the entry class is {@link
 * org.interviewtasks.senior.concurrency.ratelimit.RateLimiter}.
 */
package org.interviewtasks.senior.concurrency.ratelimit;
