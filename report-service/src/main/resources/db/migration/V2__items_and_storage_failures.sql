-- A run's test cases and findings as rows, so the dashboard and the API page through them instead of loading a whole result.
CREATE TABLE run_tests (
    run_id     VARCHAR(64)   NOT NULL,
    ordinal    INT           NOT NULL,
    tool       VARCHAR(100)  NOT NULL,
    suite      VARCHAR(2000),
    name       VARCHAR(4000) NOT NULL,
    file       VARCHAR(4000),
    status     VARCHAR(20)   NOT NULL,
    duration_s DOUBLE PRECISION NOT NULL,
    message    CLOB,
    PRIMARY KEY (run_id, ordinal)
);
CREATE INDEX run_tests_by_status ON run_tests (run_id, status, ordinal);

CREATE TABLE run_findings (
    run_id   VARCHAR(64)   NOT NULL,
    ordinal  INT           NOT NULL,
    tool     VARCHAR(100)  NOT NULL,
    rule     VARCHAR(400),
    severity VARCHAR(20)   NOT NULL,
    file     VARCHAR(4000),
    line     INT           NOT NULL,
    message  CLOB          NOT NULL,
    advisory BOOLEAN       NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);
CREATE INDEX run_findings_by_severity ON run_findings (run_id, severity, ordinal);

-- Finished runs the orchestrator announced that could not be stored (yet): why, and when to try again.
CREATE TABLE storage_failures (
    run_id          VARCHAR(64)   PRIMARY KEY,
    client_id       VARCHAR(200),
    reason          CLOB          NOT NULL,
    attempts        INT           NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE runs ADD COLUMN advisory_findings INT DEFAULT 0 NOT NULL;
ALTER TABLE runs ADD COLUMN tools CLOB;
