-- Axon Framework 4.13's JDBC stores on PostgreSQL. Axon does not create these tables (Flyway
-- does); the DDL is what Axon's own PostgresEventTableFactory, PostgresTokenTableFactory,
-- PostgresSagaSqlSchema and GenericDeadLetterTableFactory (BLOB as bytea) would run with the
-- default EventSchema, TokenSchema, SagaSchema and DeadLetterSchema. Identifiers are unquoted,
-- as in Axon's SQL, so PostgreSQL folds them to lower case on both sides.

-- The event store. globalIndex may have gaps (a rolled-back insert burns a value); the ledger's
-- dense index lives in ledger_entry. The (aggregateIdentifier, sequenceNumber) key is what turns
-- two writers on one aggregate into a ConcurrencyException (SQLSTATE 23505).
CREATE TABLE DomainEventEntry (
    globalIndex         BIGSERIAL    NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalIndex),
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

-- Tracking tokens of the streaming event processors (the read models).
CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA        NULL,
    tokenType     VARCHAR(255) NULL,
    timestamp     VARCHAR(255) NULL,
    owner         VARCHAR(255) NULL,
    PRIMARY KEY (processorName, segment)
);

-- Axon's auto-configuration always creates a JdbcSagaStore; these are its tables.
CREATE TABLE SagaEntry (
    sagaId         VARCHAR(255) NOT NULL,
    revision       VARCHAR(255),
    sagaType       VARCHAR(255),
    serializedSaga BYTEA,
    PRIMARY KEY (sagaId)
);

CREATE TABLE AssociationValueEntry (
    id               BIGSERIAL    NOT NULL,
    associationKey   VARCHAR(255),
    associationValue VARCHAR(255),
    sagaId           VARCHAR(255),
    sagaType         VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX associationvalueentry_lookup
    ON AssociationValueEntry (sagaType, associationKey, associationValue);
CREATE INDEX associationvalueentry_saga ON AssociationValueEntry (sagaId, sagaType);

-- The dead-letter queue, used by a processing group only when its dlq is enabled.
CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT deadletterentry_pkey PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT sequenceIndex_INDEX UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX processingGroup_INDEX ON DeadLetterEntry (processingGroup);
CREATE INDEX sequenceIdentifier_INDEX ON DeadLetterEntry (processingGroup, sequenceIdentifier);
