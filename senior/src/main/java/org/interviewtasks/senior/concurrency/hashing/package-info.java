/**
 * senior.concurrency.2: SHA-256 of a large file, and a parallel Merkle tree hash (Glacier format);
 * the entry class is {@link org.interviewtasks.senior.concurrency.hashing.ParallelSha256}.
 */
package org.interviewtasks.senior.concurrency.hashing;
