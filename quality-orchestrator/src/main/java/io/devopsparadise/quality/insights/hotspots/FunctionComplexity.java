package io.devopsparadise.quality.insights.hotspots;

/** One function's cyclomatic complexity as a tool measured it ({@code Class.method} for a method). */
public record FunctionComplexity(String file, String function, int line, int complexity) {}
