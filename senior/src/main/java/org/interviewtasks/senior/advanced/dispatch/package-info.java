/**
 * senior.advanced.6: choosing an implementation at runtime by the classes of several arguments
 * (multimethods) or by conditions (predicate dispatch), beside the sealed {@code switch} and the
 * virtual-call double dispatch; the entry class is {@link
 * org.interviewtasks.senior.advanced.dispatch.DynamicDispatch}.
 */
package org.interviewtasks.senior.advanced.dispatch;
