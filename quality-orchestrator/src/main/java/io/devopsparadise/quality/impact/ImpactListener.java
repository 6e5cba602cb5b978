package io.devopsparadise.quality.impact;

import io.devopsparadise.contracts.quality.TestPlan;

/** Hears a test tool's plan before its tests start, and each failing test the moment it fails. */
public interface ImpactListener {

    void planned(TestPlan plan);

    /** @param message the failure's first line, bounded; null when the tool gave none */
    void testFailed(String tool, String testId, String message);
}
