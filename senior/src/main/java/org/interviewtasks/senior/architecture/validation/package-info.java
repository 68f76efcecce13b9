/**
 * senior.architecture.6: typed, composable validators with paths and every error accumulated, and
 * type-safe transformation pipelines; the entry class is {@link
 * org.interviewtasks.senior.architecture.validation.DataValidationFramework}.
 */
package org.interviewtasks.senior.architecture.validation;
