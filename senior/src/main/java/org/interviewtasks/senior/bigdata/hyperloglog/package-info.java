/**
 * senior.bigdata.3: counting distinct elements of an unbounded stream in kilobytes; the entry class
 * is {@link org.interviewtasks.senior.bigdata.hyperloglog.HyperLogLog}.
 */
package org.interviewtasks.senior.bigdata.hyperloglog;
