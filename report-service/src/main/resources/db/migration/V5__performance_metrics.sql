-- Insights: a run's Lighthouse lab metrics (JSON object: audit id → value), whose trend performance regressions follow.
ALTER TABLE runs ADD COLUMN performance_metrics CLOB;
