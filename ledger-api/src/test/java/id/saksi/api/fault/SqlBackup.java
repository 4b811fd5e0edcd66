package id.saksi.api.fault;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Test-only logical backup of the service's database at the SQL level: every table's rows in
 * PostgreSQL's binary COPY format, taken in one repeatable-read transaction, so the copy is one
 * consistent snapshot as pg_dump's is. The embedded PostgreSQL bundle ships no pg_dump, hence this
 * stand-in; docs/operations.md gives the pg_dump commands an operator runs.
 *
 * <p>A restore creates the schema with the service's own Flyway migrations, loads every table in
 * one transaction (the deferred foreign key of personal_disclosure is checked at its commit) and
 * moves each serial column's sequence past the restored rows.
 */
final class SqlBackup {
  private static final String FLYWAY_HISTORY = "flyway_schema_history";

  private final Map<String, byte[]> tables;

  private SqlBackup(Map<String, byte[]> tables) {
    this.tables = tables;
  }

  /** Backs up every table of the public schema but Flyway's history. */
  static SqlBackup take(DataSource db) throws SQLException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (String table : tables(c)) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", bytes);
        out.put(table, bytes.toByteArray());
      }
      c.commit();
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
    return new SqlBackup(out);
  }

  /** The tables backed up. */
  List<String> tableNames() {
    return new ArrayList<>(tables.keySet());
  }

  /** Restores into an empty database. */
  void restoreInto(DataSource empty) throws SQLException {
    Flyway.configure().dataSource(empty).locations("classpath:db/migration").load().migrate();
    try (Connection c = empty.getConnection()) {
      c.setAutoCommit(false);
      // The migrations wrote rows of their own (the empty head): the backup's replace them.
      try (Statement s = c.createStatement()) {
        s.execute("TRUNCATE " + String.join(", ", tables.keySet()));
      }
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (Map.Entry<String, byte[]> t : tables.entrySet()) {
        copy.copyIn(
            "COPY " + t.getKey() + " FROM STDIN (FORMAT binary)",
            new ByteArrayInputStream(t.getValue()));
      }
      List<String[]> serials = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT table_name, column_name FROM information_schema.columns"
                      + " WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'")) {
        while (rs.next()) {
          serials.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] col : serials) {
        try (Statement s = c.createStatement()) {
          s.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + col[0]
                  + "', '"
                  + col[1]
                  + "'), coalesce((SELECT max("
                  + col[1]
                  + ") FROM "
                  + col[0]
                  + "), 0) + 1, false)");
        }
      }
      c.commit();
    } catch (java.io.IOException e) {
      throw new SQLException(e);
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        if (!rs.getString(1).equals(FLYWAY_HISTORY)) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
