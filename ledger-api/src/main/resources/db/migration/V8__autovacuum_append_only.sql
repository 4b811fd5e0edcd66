-- Autovacuum of the append-only tables in fixed steps (docs/operations.md, PostgreSQL settings).
--
-- ledger_entry, domainevententry and merkle_node only grow: rows are inserted, never updated or
-- deleted (erasure touches personal_disclosure, not these). PostgreSQL's defaults start an
-- autovacuum after inserts of 20% of a table (autovacuum_vacuum_insert_scale_factor 0.2) and an
-- autoanalyze after changes to 10% (autovacuum_analyze_scale_factor 0.1): during the soak they ran
-- about every minute on these tables while small, and the work of each run grows with the table,
-- so a large ledger gets ever longer runs at ever longer intervals, felt as latency spikes. With
-- the scale factors at 0 a run starts after a fixed number of rows whatever the table's size:
-- each vacuum sets the visibility map and freezes a bounded slice of new pages (which index-only
-- scans and anti-wraparound vacuums need), each analyze samples the same number of rows, and both
-- come at a steady rate under a steady load. The thresholds are in rows (merkle_node gets about
-- two per entry). Storage parameters of a table its owner may set: no superuser is needed; valid
-- from PostgreSQL 13 (the insert-triggered vacuum) on.
ALTER TABLE ledger_entry SET (
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 100000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 100000
);

ALTER TABLE domainevententry SET (
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 100000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 100000
);

ALTER TABLE merkle_node SET (
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 200000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 200000
);
