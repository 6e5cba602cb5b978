package io.devopsparadise.contracts.usage;

/**
 * One client's stored quality runs.
 *
 * @param runs                runs stored, of every state
 * @param passed              runs that passed
 * @param failed              runs that failed
 * @param testTimeSavedMillis test time the change-based selection left out: each selective plan's full suite minus
 *                            its selected tests, both on one worker, as the plan estimated them
 */
public record QualityUsage(String clientId, long runs, long passed, long failed, long testTimeSavedMillis) {}
