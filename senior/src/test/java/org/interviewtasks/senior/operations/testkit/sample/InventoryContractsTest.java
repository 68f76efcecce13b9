package org.interviewtasks.senior.operations.testkit.sample;

import org.interviewtasks.senior.operations.testkit.ContractTestEngine;
import org.interviewtasks.senior.operations.testkit.TestingFramework;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The sample service's contract files in the ordinary build: Surefire hands engines class selectors
 * only, so this suite (named {@code *Test}, which Surefire runs) selects the contracts' folder for
 * the contract engine, which starts the application with {@link InventoryEnvironment}. The cases
 * are tagged {@code infra} too, as they need a Redis server: {@code -DexcludedGroups=infra} leaves
 * them out.
 */
@Suite(failIfNoTests = false)
@IncludeEngines(ContractTestEngine.ID)
@SelectClasspathResource(TestingFramework.SAMPLE_CONTRACTS)
@ConfigurationParameter(
    key = TestingFramework.CONTRACT_LAUNCHER,
    value = "org.interviewtasks.senior.operations.testkit.sample.InventoryEnvironment")
@ConfigurationParameter(key = TestingFramework.CONTRACT_TAGS, value = "infra")
class InventoryContractsTest {}
