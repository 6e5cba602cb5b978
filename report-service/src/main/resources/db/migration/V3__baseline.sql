-- Clean as you code: what each run introduced since its baseline, and the identity of findings across runs.
ALTER TABLE run_findings ADD COLUMN fingerprint VARCHAR(64);
ALTER TABLE run_findings ADD COLUMN introduced BOOLEAN;
ALTER TABLE run_tests ADD COLUMN introduced BOOLEAN;
ALTER TABLE runs ADD COLUMN baseline_run_id VARCHAR(64);
ALTER TABLE runs ADD COLUMN new_findings INT DEFAULT 0 NOT NULL;
ALTER TABLE runs ADD COLUMN new_failures INT DEFAULT 0 NOT NULL;
-- runs stored before findings had fingerprints cannot be baselines: every finding would look new
ALTER TABLE runs ADD COLUMN fingerprinted BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX runs_by_commit ON runs (client_id, workspace, git_commit);
