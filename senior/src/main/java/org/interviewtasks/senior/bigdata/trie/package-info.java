/**
 * senior.bigdata.1: a dictionary with prefix search in a few bytes per word; the entry class is
 * {@link org.interviewtasks.senior.bigdata.trie.Trie}.
 */
package org.interviewtasks.senior.bigdata.trie;
