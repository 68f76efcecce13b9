/**
 * senior.bigdata.2: A* shortest paths on graphs of millions of nodes in primitive arrays; the entry
 * class is {@link org.interviewtasks.senior.bigdata.astar.AStarSearch}.
 */
package org.interviewtasks.senior.bigdata.astar;
