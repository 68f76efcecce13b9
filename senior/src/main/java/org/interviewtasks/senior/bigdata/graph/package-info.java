/**
 * What the graph tasks of senior.bigdata share: the compressed sparse row layout, {@link
 * org.interviewtasks.senior.bigdata.graph.Csr}.
 */
package org.interviewtasks.senior.bigdata.graph;
