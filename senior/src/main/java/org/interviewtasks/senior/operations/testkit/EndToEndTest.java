package org.interviewtasks.senior.operations.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An end-to-end test: the deployed application through its public API, as a client sees it: a
 * Jupiter {@code @Test} tagged {@value TestingFramework#END_TO_END}, so that a tag expression
 * ({@code -Dgroups=end-to-end}) or a layer suite selects it.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(TestingFramework.END_TO_END)
@Test
public @interface EndToEndTest {}
