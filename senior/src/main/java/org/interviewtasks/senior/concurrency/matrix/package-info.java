/**
 * senior.concurrency.6: parallel matrix multiplication, blocked on fork/join and in worker
 * processes over a memory-mapped file; the entry class is {@link
 * org.interviewtasks.senior.concurrency.matrix.ParallelMatrixMultiplication}.
 */
package org.interviewtasks.senior.concurrency.matrix;
