/**
 * senior.advanced.5: plugins loaded at runtime from jars in a folder, each in its own class loader;
 * the entry class is {@link org.interviewtasks.senior.advanced.plugins.PluginHost}, the contract
 * plugins implement is {@link org.interviewtasks.senior.advanced.plugins.api.Plugin}.
 */
package org.interviewtasks.senior.advanced.plugins;
