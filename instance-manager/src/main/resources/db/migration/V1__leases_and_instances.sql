CREATE TABLE installation (
    id          VARCHAR(36) PRIMARY KEY,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE instance (
    id             VARCHAR(36) PRIMARY KEY,
    client_id      VARCHAR(63) NOT NULL UNIQUE,
    profile        VARCHAR(63) NOT NULL,
    engine         VARCHAR(16) NOT NULL,
    workspace      VARCHAR(4096) NOT NULL,
    runtime_ref    VARCHAR(128),
    state          VARCHAR(16) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    restart_count  INT NOT NULL,
    last_activity  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The primary key on port is what makes a double lease impossible, whatever the code above it does.
CREATE TABLE port_lease (
    port         INT PRIMARY KEY,
    instance_id  VARCHAR(36) NOT NULL,
    name         VARCHAR(32) NOT NULL,
    leased_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_lease_name UNIQUE (instance_id, name)
);
