/**
 * senior.architecture.1: a service-oriented application with a registry, client-side discovery,
 * health and metrics. Start at {@link
 * org.interviewtasks.senior.architecture.soa.ServiceOrientedApp} and its design note {@code
 * ServiceOrientedApp.md} in this folder.
 */
package org.interviewtasks.senior.architecture.soa;
