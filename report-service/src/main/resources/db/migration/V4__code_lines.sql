-- Insights: the lines a run's coverage tools measured (executable lines), against which technical debt is a ratio.
ALTER TABLE runs ADD COLUMN code_lines INT;
