-- The ledger: one entry per stored Axon event, at a dense index decided here, in the database,
-- while the appending transaction holds the lock on ledger_head (DESIGN.md, invariants 1-3).

-- Exactly one row. Appenders lock it (SELECT ... FOR UPDATE), insert their entries at size,
-- size+1, ..., and move it on, all in the transaction that stores the events; the lock is held
-- until commit, so two appenders, in one JVM or in two, can neither fork nor gap the ledger.
CREATE TABLE ledger_head (
    id               SMALLINT    PRIMARY KEY CHECK (id = 0),
    -- The number of entries, which is the index the next entry gets.
    size             BIGINT      NOT NULL CHECK (size >= 0),
    -- The leaf hash of entry size-1: the "prev" of the next entry; 32 zero bytes while empty.
    last_leaf_hash   BYTEA       NOT NULL CHECK (octet_length(last_leaf_hash) = 32),
    -- recordedAt of entry size-1; the next entry's is never earlier.
    last_recorded_at TIMESTAMPTZ
);
INSERT INTO ledger_head (id, size, last_leaf_hash, last_recorded_at)
VALUES (0, 0, decode(repeat('00', 32), 'hex'), NULL);

CREATE TABLE ledger_entry (
    -- The dense position, from 0.
    idx              BIGINT       PRIMARY KEY CHECK (idx >= 0),
    -- Exactly the bytes the leaf hash commits to (the entry as published).
    leaf             BYTEA        NOT NULL,
    -- SHA-256(0x00 || leaf), RFC 6962 section 2.1; checked here so no code path can store a
    -- hash that does not match its leaf.
    leaf_hash        BYTEA        NOT NULL
        CONSTRAINT ledger_entry_leaf_hash_is_sha256_of_leaf
        CHECK (leaf_hash = sha256('\x00'::bytea || leaf)),
    -- The Axon event this entry records; an entry cannot exist without its event.
    event_identifier VARCHAR(255) NOT NULL UNIQUE
        REFERENCES DomainEventEntry (eventIdentifier),
    recorded_at      TIMESTAMPTZ  NOT NULL
);

-- The converse, checked at commit: an event cannot commit without its entry, whichever code
-- path inserted it.
CREATE FUNCTION ledger_require_entry() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ledger_entry WHERE event_identifier = NEW.eventIdentifier) THEN
        RAISE EXCEPTION 'event % has no ledger entry', NEW.eventIdentifier
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER domain_event_has_ledger_entry
    AFTER INSERT ON DomainEventEntry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_require_entry();
