/**
 * senior.concurrency.4: a data pipeline over a large CSV, naive and optimized; the entry class is
 * {@link org.interviewtasks.senior.concurrency.pipeline.DataPipeline}.
 */
package org.interviewtasks.senior.concurrency.pipeline;
