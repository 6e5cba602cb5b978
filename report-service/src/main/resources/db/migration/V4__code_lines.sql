-- Insights: the lines a run's coverage tools measured (executable lines), against which technical debt is a ratio;
-- and a test's outcomes across runs by its name, for flaky tests.
ALTER TABLE runs ADD COLUMN code_lines INT;
CREATE INDEX run_tests_by_name ON run_tests (name, run_id);
