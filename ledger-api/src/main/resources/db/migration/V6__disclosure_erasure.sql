-- Which stored disclosures were erased, and by which ledger record (disclosure.erased): so that a
-- read after an erasure is answered 410 Gone, citing the record, rather than 404. Claim names
-- only, never a value. Written in the transaction that appends the record and deletes the rows of
-- personal_disclosure (SECURITY.md, erasure).
CREATE TABLE disclosure_erasure (
    entry_idx   BIGINT       NOT NULL REFERENCES ledger_entry (idx),
    field       VARCHAR(200) NOT NULL,
    -- The disclosure.erased entry; checked at commit, as the entry is written in this transaction.
    erasure_idx BIGINT       NOT NULL
        REFERENCES ledger_entry (idx) DEFERRABLE INITIALLY DEFERRED,
    erased_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (entry_idx, field)
);
