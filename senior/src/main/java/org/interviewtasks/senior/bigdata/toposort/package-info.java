/**
 * senior.bigdata.5: topological order of graphs with millions of nodes, cycles reported with their
 * nodes; the entry class is {@link org.interviewtasks.senior.bigdata.toposort.TopologicalSort}.
 */
package org.interviewtasks.senior.bigdata.toposort;
