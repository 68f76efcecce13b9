package org.interviewtasks.senior.operations.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A unit test: one class or function of the service, in memory, no network, no server: a Jupiter
 * {@code @Test} tagged {@value TestingFramework#UNIT}, so that a tag expression ({@code
 * -Dgroups=unit}) or a layer suite selects it.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(TestingFramework.UNIT)
@Test
public @interface UnitTest {}
