package org.interviewtasks.senior.operations.testkit;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The integration layer of the sample application: every {@link IntegrationTest @IntegrationTest}
 * under this package, each class on its real Redis. Run it with {@code
 * -Dtest=IntegrationLayerSuite}.
 */
@Suite
@SuiteDisplayName("integration layer")
@IncludeEngines("junit-jupiter")
@SelectPackages("org.interviewtasks.senior.operations.testkit")
@IncludeTags(TestingFramework.INTEGRATION)
public class IntegrationLayerSuite {}
