package io.devopsparadise.contracts.reports;

import io.devopsparadise.contracts.quality.Finding;

/** A stored run's finding; advisory when its linter is one the project does not configure. */
public record FindingItem(Finding finding, boolean advisory) {}
