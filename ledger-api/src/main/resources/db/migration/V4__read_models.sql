-- Read models (docs/protocol.md, section 16): tables filled by the Axon event processor
-- "saksi-read-models" from StatementRecordedEvent, with its tracking token in TokenEntry, in the
-- same transaction as the rows it writes. They hold only what the public endpoints serve:
-- workflow facts (record types, positions, signing agencies, dates, catalogue codes). No digest,
-- no person reference, no reported unit, no letter number, no free text: see the section for why.
-- Every row can be rebuilt from the ledger by resetting the processor's token.

-- The agencies the registry knows (agency.registered), for 404s and the overview.
CREATE TABLE read_agency (
    code          VARCHAR(32)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    parent        VARCHAR(32),
    ppk           BOOLEAN      NOT NULL,
    registered_at BIGINT       NOT NULL,
    dissolved_at  BIGINT
);

-- One row per case: where it stands.
CREATE TABLE read_case (
    subject          VARCHAR(128) PRIMARY KEY,
    election         VARCHAR(40)  NOT NULL,
    -- CaseStatus of the core's domain.
    status           VARCHAR(20)  NOT NULL,
    -- case.reported or case.found.
    opened_by_type   VARCHAR(64)  NOT NULL,
    opened_by        VARCHAR(32)  NOT NULL,
    opened_at        BIGINT       NOT NULL,
    opened_on        DATE         NOT NULL,
    -- The PPK's agency: the one that must act on a recommendation.
    ppk              VARCHAR(32)  NOT NULL,
    ppk_kind         VARCHAR(32)  NOT NULL,
    -- The PPK's agency when it is a regional government, otherwise CENTRAL.
    region           VARCHAR(32)  NOT NULL,
    alleged_form     VARCHAR(40),
    outcome          VARCHAR(20),
    recommended_at   BIGINT,
    due_on           DATE,
    sanction_decided BOOLEAN      NOT NULL DEFAULT false,
    blocked          BOOLEAN      NOT NULL DEFAULT false,
    closed_reason    VARCHAR(40),
    -- The position of the last record applied: a record at or before it is not applied again.
    last_position    BIGINT       NOT NULL
);
CREATE INDEX read_case_status ON read_case (status, opened_at);
CREATE INDEX read_case_ppk ON read_case (ppk, status);
CREATE INDEX read_case_opened_by ON read_case (opened_by, opened_at);

-- A case's history: one row per record.
CREATE TABLE read_case_step (
    subject   VARCHAR(128) NOT NULL REFERENCES read_case (subject),
    position  BIGINT       NOT NULL,
    type      VARCHAR(64)  NOT NULL,
    agency    VARCHAR(32)  NOT NULL,
    issued_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (subject, position)
);

-- Violation forms per case (catalogue codes): alleged at opening, proven at assessment.
CREATE TABLE read_case_form (
    subject VARCHAR(128) NOT NULL REFERENCES read_case (subject),
    form    VARCHAR(40)  NOT NULL,
    proven  BOOLEAN      NOT NULL,
    PRIMARY KEY (subject, form, proven)
);

-- Pacts and pledges signed: counts only (the subject holds a person reference: not served).
CREATE TABLE read_pact (
    position  BIGINT      PRIMARY KEY,
    signed_by VARCHAR(32) NOT NULL,
    agency    VARCHAR(32) NOT NULL,
    election  VARCHAR(40) NOT NULL,
    kind      VARCHAR(32) NOT NULL
);
CREATE INDEX read_pact_signed_by ON read_pact (signed_by);
CREATE INDEX read_pact_agency ON read_pact (agency);

-- How far the read models are: the highest ledger position applied.
CREATE TABLE read_progress (
    id       SMALLINT PRIMARY KEY CHECK (id = 0),
    position BIGINT   NOT NULL
);
INSERT INTO read_progress (id, position) VALUES (0, -1);
