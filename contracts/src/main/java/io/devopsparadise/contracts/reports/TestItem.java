package io.devopsparadise.contracts.reports;

import io.devopsparadise.contracts.quality.TestCaseResult;

/** A stored run's test, with the tool that ran it. */
public record TestItem(String tool, TestCaseResult test) {}
