package id.saksi.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.verifier.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code verifier verify-db} against the live database of a service that appended the example
 * ledger through its write path; then each kind of change made directly in SQL, as a database
 * administrator could make it (triggers and foreign keys switched off for the session), found at
 * its index with its message, and undone before the next test.
 */
class VerifyDbTest {
  private static final long AT = 40;
  private static WholeCaseLedger ledger;

  @BeforeAll
  static void start() throws Exception {
    ledger = WholeCaseLedger.start("verify-db-");
  }

  @AfterAll
  static void stop() {
    if (ledger != null) {
      ledger.close();
    }
  }

  private record Run(int code, String out, String err) {}

  private static Run verifyDb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              "verify-db",
              "--jdbc-url",
              ledger.jdbcUrl(),
              "--user",
              "postgres",
              "--log-key",
              ledger.logKey.encode(),
              "--all"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code tamper}, verifies, runs {@code undo} (in one session, checks off), returns. */
  private static Run tampered(Sql tamper, Sql undo) throws Exception {
    try (Connection c = ledger.dataSource().getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET session_replication_role = replica");
      }
      tamper.run(c);
      try {
        return verifyDb();
      } finally {
        undo.run(c);
        try (Statement s = c.createStatement()) {
          s.execute("SET session_replication_role = origin");
        }
      }
    }
  }

  @FunctionalInterface
  private interface Sql {
    void run(Connection c) throws SQLException;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static byte[] bytes(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getBytes(1);
    }
  }

  private static String eventOf(Connection c, long idx) throws SQLException {
    return new String(
        bytes(
            c, "SELECT convert_to(event_identifier, 'UTF8') FROM ledger_entry WHERE idx = " + idx),
        StandardCharsets.UTF_8);
  }

  private static byte[] replace(byte[] utf8, String from, String to) {
    String s = new String(utf8, StandardCharsets.UTF_8);
    assertThat(s).contains(from);
    return s.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8);
  }

  private static void setLeaf(Connection c, long idx, byte[] leaf) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE ledger_entry SET leaf = ?, leaf_hash = ? WHERE idx = ?")) {
      ps.setBytes(1, leaf);
      ps.setBytes(2, Hashing.leafHash(leaf).bytes());
      ps.setLong(3, idx);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void untouchedLedger_isValid() throws Exception {
    Run r = verifyDb();

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
    assertThat(r.out()).contains("VALID");
    assertThat(r.out()).contains("entries cross-checked with their events in the event store: 45");
  }

  @Test
  void leafChangedInSql_isASignatureAndAnEventFailureAtItsIndex() throws Exception {
    byte[][] original = new byte[1][];
    Run r =
        tampered(
            c -> {
              original[0] = bytes(c, "SELECT leaf FROM ledger_entry WHERE idx = " + AT);
              setLeaf(c, AT, replace(original[0], "\"issuedAt\":\"2026-", "\"issuedAt\":\"2025-"));
            },
            c -> setLeaf(c, AT, original[0]));

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("entry 40: signature: ");
    assertThat(r.out()).contains("entry 40: events: its event ");
    assertThat(r.out()).contains("records another statement than the entry");
  }

  @Test
  void entryDeletedInSql_isMissingAtItsIndex_andItsEventHasNoEntry() throws Exception {
    Run r =
        tampered(
            c -> {
              exec(c, "CREATE TABLE tamper_saved AS SELECT * FROM ledger_entry WHERE idx = " + AT);
              exec(c, "DELETE FROM ledger_entry WHERE idx = " + AT);
            },
            c -> {
              exec(c, "INSERT INTO ledger_entry SELECT * FROM tamper_saved");
              exec(c, "DROP TABLE tamper_saved");
            });

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("entry 40: order: is missing: found entry 41 in its place");
    assertThat(r.out()).contains("entry 40: events: event ");
    assertThat(r.out()).contains("is in the event store but no ledger entry records it");
  }

  @Test
  void entryInsertedInSql_isBeyondTheHeadAtItsIndex() throws Exception {
    Run r =
        tampered(
            c ->
                exec(
                    c,
                    "INSERT INTO ledger_entry (idx, leaf, leaf_hash, event_identifier, recorded_at,"
                        + " subject, agency, nonce, statement_hash)"
                        + " SELECT 45, leaf, leaf_hash, 'tampered-event', recorded_at, subject,"
                        + " agency, 'tampered-nonce', statement_hash FROM ledger_entry"
                        + " WHERE idx = 44"),
            c -> exec(c, "DELETE FROM ledger_entry WHERE idx = 45"));

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "entry 45: order: is in ledger_entry beyond the ledger's head (size 45) and beyond"
                + " every checkpoint: no append wrote it (a row inserted in SQL)");
  }

  @Test
  void eventPayloadChangedInSql_isAnEventFailureAtItsEntry() throws Exception {
    byte[][] original = new byte[1][];
    String[] event = new String[1];
    Sql set =
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")) {
            ps.setBytes(1, original[0]);
            ps.setString(2, event[0]);
            ps.executeUpdate();
          }
        };
    Run r =
        tampered(
            c -> {
              event[0] = eventOf(c, AT);
              byte[] payload =
                  bytes(
                      c,
                      "SELECT payload FROM domainevententry WHERE eventidentifier = '"
                          + event[0]
                          + "'");
              byte[] changed = replace(payload, "\"issuedAt\":\"2026-", "\"issuedAt\":\"2025-");
              original[0] = changed;
              set.run(c);
              original[0] = payload;
            },
            set);

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("entry 40: events: its event " + event[0])
        .contains("records another statement than the entry");
    assertThat(r.out()).doesNotContain("entry 40: signature");
  }

  @Test
  void eventDeletedInSql_leavesItsEntryWithoutEvent() throws Exception {
    String[] event = new String[1];
    Run r =
        tampered(
            c -> {
              event[0] = eventOf(c, AT);
              exec(
                  c,
                  "CREATE TABLE tamper_saved AS SELECT * FROM domainevententry"
                      + " WHERE eventidentifier = '"
                      + event[0]
                      + "'");
              exec(c, "DELETE FROM domainevententry WHERE eventidentifier = '" + event[0] + "'");
            },
            c -> {
              exec(c, "INSERT INTO domainevententry SELECT * FROM tamper_saved");
              exec(c, "DROP TABLE tamper_saved");
            });

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "entry 40: events: its event "
                + event[0]
                + " is not in the event store: the entry has no event");
  }

  @Test
  void eventInsertedInSql_isAnEventWithoutEntryAtTheIndexItClaims() throws Exception {
    Run r =
        tampered(
            c -> {
              String event = eventOf(c, AT);
              exec(
                  c,
                  "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
                      + " eventidentifier, metadata, payload, payloadrevision, payloadtype,"
                      + " timestamp) SELECT aggregateidentifier, 1000, type, 'inserted-event',"
                      + " metadata, payload, payloadrevision, payloadtype, timestamp"
                      + " FROM domainevententry WHERE eventidentifier = '"
                      + event
                      + "'");
            },
            c -> exec(c, "DELETE FROM domainevententry WHERE eventidentifier = 'inserted-event'"));

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains("entry 40: events: event inserted-event (global index ")
        .contains("is in the event store but no ledger entry records it");
  }

  @Test
  void olderCheckpointWithAWrongRoot_signedByTheLogKey_isAFork() throws Exception {
    ServiceKeys keys = ledger.service.getBean(ServiceKeys.class);
    long[] size = new long[1];
    byte[][] saved = new byte[2][];
    Run r =
        tampered(
            c -> {
              try (Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "SELECT size, root_hash, note FROM checkpoint WHERE size < 45"
                              + " ORDER BY size DESC LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                size[0] = rs.getLong(1);
                saved[0] = rs.getBytes(2);
                saved[1] = rs.getBytes(3);
              }
              Hash wrong = Hashing.sha256("another history".getBytes(StandardCharsets.UTF_8));
              byte[] note =
                  Checkpoints.sign(new Checkpoint(keys.origin(), size[0], wrong), keys.logSigner());
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE checkpoint SET root_hash = ?, note = ? WHERE size = ?")) {
                ps.setBytes(1, wrong.bytes());
                ps.setBytes(2, note);
                ps.setLong(3, size[0]);
                assertThat(ps.executeUpdate()).isEqualTo(1);
              }
            },
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE checkpoint SET root_hash = ?, note = ? WHERE size = ?")) {
                ps.setBytes(1, saved[0]);
                ps.setBytes(2, saved[1]);
                ps.setLong(3, size[0]);
                ps.executeUpdate();
              }
            });

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "consistency: the stored checkpoint of tree size "
                + size[0]
                + " signs a root that the ledger's first "
                + size[0]
                + " entries do not give");
  }

  @Test
  void checkpointRootColumnChangedInSql_isFound() throws Exception {
    byte[][] saved = new byte[1][];
    Run r =
        tampered(
            c -> {
              saved[0] = bytes(c, "SELECT root_hash FROM checkpoint WHERE size = 45");
              exec(c, "UPDATE checkpoint SET root_hash = sha256('x'::bytea) WHERE size = 45");
            },
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("UPDATE checkpoint SET root_hash = ? WHERE size = 45")) {
                ps.setBytes(1, saved[0]);
                ps.executeUpdate();
              }
            });

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "checkpoint: the root_hash column of the stored checkpoint of tree size 45 is not"
                + " the root its signed note gives");
  }

  @Test
  void wrongPassword_orNoDatabase_isUnusableInput() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new String[] {
              "verify-db",
              "--jdbc-url",
              ledger.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/no_such_database$1"),
              "--user",
              "postgres",
              "--log-key",
              ledger.logKey.encode()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("verifier: cannot read the database: ");
  }
}
