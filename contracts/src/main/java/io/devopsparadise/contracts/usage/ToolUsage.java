package io.devopsparadise.contracts.usage;

/**
 * One client's calls of one tool through the gateway ({@code tools/call}).
 *
 * @param tool   the tool's name, or {@code other} for names past the gateway's bound (docs/monitoring.md)
 * @param errors calls answered with an HTTP error or not at all
 */
public record ToolUsage(String tool, long calls, long errors) {}
