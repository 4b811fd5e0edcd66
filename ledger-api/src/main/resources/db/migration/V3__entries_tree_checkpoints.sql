-- The ledger's real entries (the canonical leaf bytes of docs/format.md's Entry), the Merkle tree
-- over them, the log's identity, its checkpoints and the restricted store of personal data.

-- V2's entries were a stand-in encoding from before the core's entry type existed. A database that
-- holds any is a development ledger whose leaves would not verify: start it afresh.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM ledger_entry) THEN
        RAISE EXCEPTION 'this database holds ledger entries in the pre-release stand-in encoding;'
            ' start the service on an empty database (a new data directory)';
    END IF;
END;
$$;

-- What the write path looks up without parsing leaves: the subject (which aggregate, and the
-- registry's own records), and the agency's nonce with the statement's hash (idempotency: the same
-- statement again gets its receipt back, another statement with a used nonce is refused).
ALTER TABLE ledger_entry
    ADD COLUMN subject        VARCHAR(128) NOT NULL,
    ADD COLUMN agency         VARCHAR(64)  NOT NULL,
    ADD COLUMN nonce          VARCHAR(88)  NOT NULL,
    -- SHA-256 of the statement's canonical bytes (what the agency signed).
    ADD COLUMN statement_hash BYTEA        NOT NULL
        CONSTRAINT ledger_entry_statement_hash_length CHECK (octet_length(statement_hash) = 32),
    -- One statement per (agency, nonce), decided by the database for every instance.
    ADD CONSTRAINT ledger_entry_agency_nonce_unique UNIQUE (agency, nonce);

-- The registry's records, which every instance replays into its key registry.
CREATE INDEX ledger_entry_registry ON ledger_entry (idx) WHERE subject = 'registry';
-- All records of one aggregate (a case's history, an export of one case).
CREATE INDEX ledger_entry_subject ON ledger_entry (subject, idx);

-- The head also carries the Merkle tree's right frontier (the hashes of
-- CompactRange.frontier(size), largest subtree first, concatenated) and the root it gives, so an
-- appender extends the tree without reading any node, and a checkpoint signer reads a committed
-- size and root in one row.
ALTER TABLE ledger_head
    ADD COLUMN frontier  BYTEA NOT NULL DEFAULT ''::bytea
        CONSTRAINT ledger_head_frontier_hashes CHECK (octet_length(frontier) % 32 = 0),
    -- SHA-256 of nothing: the root of the empty tree (RFC 9162 section 2.1.1).
    ADD COLUMN root_hash BYTEA NOT NULL DEFAULT sha256(''::bytea)
        CONSTRAINT ledger_head_root_hash_length CHECK (octet_length(root_hash) = 32);

-- Every complete subtree of the Merkle tree, written in the transaction of the entries it covers
-- and never changed after (merkle.NodeId): level 0 holds the leaf hashes, level l the node over
-- leaves [idx * 2^l, (idx + 1) * 2^l). A root or proof reads O(log n) rows by primary key.
CREATE TABLE merkle_node (
    level SMALLINT NOT NULL CHECK (level BETWEEN 0 AND 62),
    idx   BIGINT   NOT NULL CHECK (idx >= 0),
    hash  BYTEA    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- The log's identity, written with the genesis entry: every instance that serves this database
-- must sign with this key under this origin, or it refuses to start.
CREATE TABLE ledger_meta (
    id              SMALLINT    PRIMARY KEY CHECK (id = 0),
    origin          TEXT        NOT NULL,
    -- The log's verifier key, <name>+<hex id>+<base64(0x01 || public key)> (c2sp.org/signed-note).
    log_vkey        TEXT        NOT NULL,
    -- The key the genesis registers for the registrar (hex key id, as statements name keys).
    registrar_key   VARCHAR(64) NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Signed checkpoints, stored before they are published (DESIGN.md invariant 5). The size is the
-- key: one checkpoint per tree size, and since the tree only grows, all are consistent.
CREATE TABLE checkpoint (
    size      BIGINT      PRIMARY KEY CHECK (size > 0),
    root_hash BYTEA       NOT NULL CHECK (octet_length(root_hash) = 32),
    -- The signed note, exactly as published (UTF-8).
    note      BYTEA       NOT NULL,
    signed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Personal data: the disclosures that open the salted digests a statement commits
-- (docs/personal-data.md). Restricted: no public endpoint reads this table. Deleting a row erases
-- the value and leaves every hash, signature and proof of the ledger valid. The reference to the
-- entry is checked at commit, because the entry row is written after the disclosures, at the end
-- of the same transaction.
CREATE TABLE personal_disclosure (
    entry_idx  BIGINT       NOT NULL
        REFERENCES ledger_entry (idx) DEFERRABLE INITIALLY DEFERRED,
    field      VARCHAR(200) NOT NULL,
    disclosure TEXT         NOT NULL,
    stored_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_idx, field)
);
