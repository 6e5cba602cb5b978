-- One row per finished quality run: summary columns for lists, filters and trends; the whole result as JSON.
CREATE TABLE runs (
    id                VARCHAR(64)    PRIMARY KEY,
    client_id         VARCHAR(200)   NOT NULL,
    workspace         VARCHAR(4000)  NOT NULL,
    profile           VARCHAR(100)   NOT NULL,
    state             VARCHAR(20)    NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    duration_ms       BIGINT         NOT NULL,
    git_commit        VARCHAR(64),
    git_branch        VARCHAR(400),
    tests_total       INT            NOT NULL,
    tests_failed      INT            NOT NULL,
    tests_skipped     INT            NOT NULL,
    line_rate         DOUBLE PRECISION,
    branch_rate       DOUBLE PRECISION,
    findings_critical INT            NOT NULL,
    findings_high     INT            NOT NULL,
    findings_medium   INT            NOT NULL,
    findings_low      INT            NOT NULL,
    findings_info     INT            NOT NULL,
    performance_score DOUBLE PRECISION,
    score             INT            NOT NULL,
    grade             VARCHAR(1)     NOT NULL,
    verdict           CLOB,
    result            CLOB           NOT NULL,
    stored_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX runs_by_client_workspace ON runs (client_id, workspace, started_at);
CREATE INDEX runs_by_start ON runs (started_at);
