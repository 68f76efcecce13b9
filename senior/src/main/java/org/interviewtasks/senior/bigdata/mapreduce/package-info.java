/**
 * senior.bigdata.4: MapReduce with a spilling, partitioned shuffle over worker threads or worker
 * processes; the entry class is {@link org.interviewtasks.senior.bigdata.mapreduce.MapReduce}.
 */
package org.interviewtasks.senior.bigdata.mapreduce;
