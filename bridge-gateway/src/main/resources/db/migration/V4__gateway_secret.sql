-- Secrets the gateways sharing this database share: the key that seals MCP session ids, so that any of them can
-- continue a session another opened (docs/high-availability.md). Base64; made once by the first gateway to start.
CREATE TABLE gateway_secret (
    name    VARCHAR(63) PRIMARY KEY,
    secret  VARCHAR(255) NOT NULL
);
