package io.devopsparadise.contracts.quality;

public enum TestStatus { PASSED, FAILED, ERROR, SKIPPED }
