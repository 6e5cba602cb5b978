-- Finished runs wait here until the report-service acknowledges storing them; then only their digest stays.
CREATE TABLE finished_runs (
    id              VARCHAR(64)   PRIMARY KEY,
    client_id       VARCHAR(200)  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    digest          CLOB          NOT NULL,
    result          BLOB,
    acknowledged_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX finished_runs_by_client ON finished_runs (client_id, started_at);
CREATE INDEX finished_runs_pending ON finished_runs (acknowledged_at, started_at);
