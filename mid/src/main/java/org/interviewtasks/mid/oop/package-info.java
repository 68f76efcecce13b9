/**
 * Mid object-oriented design: class hierarchies and interfaces, the singleton pattern and its
 * trade-offs, serialization of a recursive structure, and a stack with an extra invariant.
 */
package org.interviewtasks.mid.oop;
