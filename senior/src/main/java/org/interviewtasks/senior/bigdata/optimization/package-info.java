/**
 * senior.bigdata.6: a slow report profiled and refactored, both versions kept and benchmarked; the
 * entry class is {@link org.interviewtasks.senior.bigdata.optimization.AlgorithmOptimization}.
 */
package org.interviewtasks.senior.bigdata.optimization;
