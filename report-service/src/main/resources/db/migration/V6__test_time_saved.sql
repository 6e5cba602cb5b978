-- Usage analytics: the test time a run's change-based selection left out (its plans' full suites minus their selected
-- tests, on one worker), in milliseconds; null for runs stored before it was recorded.
ALTER TABLE runs ADD COLUMN test_time_saved_ms BIGINT;
