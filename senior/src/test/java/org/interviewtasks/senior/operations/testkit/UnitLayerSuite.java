package org.interviewtasks.senior.operations.testkit;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The unit layer of the sample application: every {@link UnitTest @UnitTest} under this package.
 * Not named {@code *Test}, so the ordinary build (which runs every layer once) does not run it a
 * second time; run it with {@code -Dtest=UnitLayerSuite}.
 */
@Suite
@SuiteDisplayName("unit layer")
@IncludeEngines("junit-jupiter")
@SelectPackages("org.interviewtasks.senior.operations.testkit")
@IncludeTags(TestingFramework.UNIT)
public class UnitLayerSuite {}
