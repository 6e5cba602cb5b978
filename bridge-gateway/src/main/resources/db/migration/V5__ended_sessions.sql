-- Sessions a gateway ended (DELETE, idle, the client's removal), by the SHA-256 of their id: no gateway on this
-- database continues them again (docs/high-availability.md). Rows older than a sealed id may move (a day) are removed.
CREATE TABLE gateway_session_ended (
    id_hash   CHAR(64) PRIMARY KEY,
    ended_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX gateway_session_ended_at ON gateway_session_ended (ended_at);
