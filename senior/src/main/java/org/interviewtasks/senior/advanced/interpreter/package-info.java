/**
 * senior.advanced.7: a small expression language, tokenized, parsed to a sealed AST, evaluated and
 * pretty-printed; the entry class is {@link
 * org.interviewtasks.senior.advanced.interpreter.ExpressionInterpreter}.
 */
package org.interviewtasks.senior.advanced.interpreter;
