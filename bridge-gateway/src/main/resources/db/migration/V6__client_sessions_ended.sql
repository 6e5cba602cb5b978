-- When all of a client's sessions were last ended (DELETE /api/clients/{id}/sessions, the client's removal): every
-- gateway on this database ends the client's sessions issued until then, its own and those it adopted
-- (docs/high-availability.md). Rows older than a sealed id may move (a day) are removed.
CREATE TABLE gateway_client_sessions_ended (
    client_id  VARCHAR(63) PRIMARY KEY,
    ended_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
