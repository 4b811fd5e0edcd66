-- Every hand-over of the log's key (SECURITY.md, rotation): the transition checkpoint, signed by
-- both the old and the new key, with both verifier keys. ledger_meta.log_vkey holds the key in
-- force; this table keeps the ones before it, which verify the checkpoints and receipts signed
-- before each rotation.
CREATE TABLE log_key_rotation (
    size       BIGINT      PRIMARY KEY CHECK (size > 0),
    old_vkey   TEXT        NOT NULL,
    new_vkey   TEXT        NOT NULL,
    -- The transition checkpoint's signed note, with both signatures (UTF-8), as published.
    note       BYTEA       NOT NULL,
    rotated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
