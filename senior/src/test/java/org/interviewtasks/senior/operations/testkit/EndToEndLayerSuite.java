package org.interviewtasks.senior.operations.testkit;

import org.interviewtasks.senior.operations.testkit.sample.InventoryEnvironment;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * The end-to-end layer of the sample application: its contract files (found by the contract
 * engine's scan of this package, which skips the marked fixtures folder) and every {@link
 * EndToEndTest @EndToEndTest}, against the whole application started by {@link
 * InventoryEnvironment}. Run it with {@code -Dtest=EndToEndLayerSuite}; point it at a running
 * deployment instead with {@code -Dtestkit.contract.baseUri=...} passed as a configuration
 * parameter.
 */
@Suite
@SuiteDisplayName("end-to-end layer")
@IncludeEngines({"junit-jupiter", ContractTestEngine.ID})
@SelectPackages("org.interviewtasks.senior.operations.testkit")
@IncludeTags(TestingFramework.END_TO_END)
@ConfigurationParameter(
    key = TestingFramework.CONTRACT_LAUNCHER,
    value = "org.interviewtasks.senior.operations.testkit.sample.InventoryEnvironment")
public class EndToEndLayerSuite {}
