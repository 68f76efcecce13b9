/**
 * The contract between {@link org.interviewtasks.senior.advanced.plugins.PluginHost} and its
 * plugins: the only package a plugin's class loader takes from the host (parent-first); everything
 * else a plugin sees is its own jar and the JDK.
 */
package org.interviewtasks.senior.advanced.plugins.api;
