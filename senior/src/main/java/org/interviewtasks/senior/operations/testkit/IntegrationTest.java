package org.interviewtasks.senior.operations.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An integration test: one service with its real dependencies (a database, a broker), through its
 * real protocol: a Jupiter {@code @Test} tagged {@value TestingFramework#INTEGRATION}, so that a
 * tag expression ({@code -Dgroups=integration}) or a layer suite selects it.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(TestingFramework.INTEGRATION)
@Test
public @interface IntegrationTest {}
