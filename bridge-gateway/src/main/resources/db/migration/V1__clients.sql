CREATE TABLE client (
    id               VARCHAR(63) PRIMARY KEY,
    name             VARCHAR(63) NOT NULL UNIQUE,
    workspace        VARCHAR(4096) NOT NULL,
    backend_profile  VARCHAR(63),
    quality_profile  VARCHAR(63) NOT NULL,
    -- SHA-256 of the bearer token; the token itself is shown once and never stored
    token_hash       CHAR(64) NOT NULL UNIQUE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    token_rotated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
