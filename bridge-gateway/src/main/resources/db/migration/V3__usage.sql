-- Usage analytics per client (docs/monitoring.md): totals since the data directory was made, added to every few seconds.
CREATE TABLE usage_client (
    client_id  VARCHAR(63) PRIMARY KEY,
    sessions   BIGINT NOT NULL,
    requests   BIGINT NOT NULL,
    errors     BIGINT NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE usage_tool (
    client_id  VARCHAR(63) NOT NULL,
    tool       VARCHAR(64) NOT NULL,
    calls      BIGINT NOT NULL,
    errors     BIGINT NOT NULL,
    PRIMARY KEY (client_id, tool)
);
