-- Each instance keeps its own container limits (asked for at provisioning, or its profile's), so that a restart
-- or a manager restart recreates it with the same ones. Null for instances stored before: their profile's apply.
ALTER TABLE instance ADD COLUMN memory_bytes BIGINT;
ALTER TABLE instance ADD COLUMN nano_cpus BIGINT;
ALTER TABLE instance ADD COLUMN pids BIGINT;
