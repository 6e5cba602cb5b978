-- Test impact maps: which tests ran which blocks of code, per workspace and test tool, at the commit they describe.
CREATE TABLE impact_maps (
    workspace   VARCHAR(4096) NOT NULL,
    tool        VARCHAR(100)  NOT NULL,
    git_commit  VARCHAR(64)   NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    map         BLOB          NOT NULL,
    PRIMARY KEY (workspace, tool, git_commit)
);

CREATE INDEX impact_maps_newest ON impact_maps (workspace, tool, updated_at);

-- The last complete result of a tool per workspace, reused while nothing the tool reads changes.
CREATE TABLE tool_results (
    workspace   VARCHAR(4096) NOT NULL,
    tool        VARCHAR(100)  NOT NULL,
    input_key   VARCHAR(64)   NOT NULL,
    run_id      VARCHAR(64)   NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     BLOB          NOT NULL,
    PRIMARY KEY (workspace, tool)
);
