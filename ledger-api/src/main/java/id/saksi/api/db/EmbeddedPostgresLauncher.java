package id.saksi.api.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a data directory that is kept across restarts, with every
 * durability setting on.
 */
public final class EmbeddedPostgresLauncher {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

  /** PostgreSQL's own setting names and the values this ledger depends on for durability. */
  static final Map<String, String> DURABILITY_SETTINGS =
      Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on");

  /**
   * What the server logs besides errors: every checkpoint and every autovacuum or autoanalyze run
   * with its duration, so that a slow minute of the service can be matched with the database's own
   * background work in {@code postgres.log} (BENCHMARKS.md, "Soak"). One line each; a ledger
   * appending at full speed sees a checkpoint every few minutes and an autovacuum of a table every
   * few tens of thousands of rows.
   */
  static final Map<String, String> LOG_SETTINGS =
      Map.of("log_checkpoints", "on", "log_autovacuum_min_duration", "0");

  /**
   * Checkpoints every 15 minutes instead of 5, never forced earlier by the WAL's volume, and
   * full-page images compressed (BENCHMARKS.md, "Soak"). Why: the first change of a page after a
   * checkpoint begins writes the whole page to the WAL, and five of the ledger's indexes have
   * random keys (event identifiers, nonces, subjects), so each append touches five random index
   * pages; right after a checkpoint begins nearly every append writes five 8 KiB page images, a
   * burst that grows with the indexes (thousands of images in the first minute at 100,000 entries)
   * and slowed every commit, which waits for its WAL to be flushed. Fewer checkpoints mean fewer
   * bursts; compressed images (pglz, the only method this PostgreSQL build has) mean smaller ones.
   * The price: a crash replays up to 15 minutes of WAL on the next start, and the WAL may take up
   * to max_wal_size (4 GB) of disk.
   */
  static final Map<String, String> CHECKPOINT_SETTINGS =
      Map.of("checkpoint_timeout", "15min", "max_wal_size", "4GB", "wal_compression", "pglz");

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

  private EmbeddedPostgresLauncher() {}

  /**
   * Starts (initialising on first use) the server whose data lives in {@code dataDirectory}, and
   * creates {@code database} in it if it is missing.
   *
   * @param dataDirectory the cluster's directory; created by initdb if it holds no cluster yet
   * @param logFile the file the server's own output is appended to
   * @param port the TCP port on localhost, or 0 for a free one
   */
  public static EmbeddedPostgres start(
      Path dataDirectory, Path logFile, int port, Duration startupTimeout, String database)
      throws IOException {
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "saksi.db.embedded.database must be a plain lower-case SQL name, got: " + database);
    }
    Files.createDirectories(dataDirectory);
    Files.createDirectories(logFile.toAbsolutePath().getParent());
    File logTarget = logFile.toFile();
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            // The directory is the ledger: never wipe it, neither now nor on close.
            .setCleanDataDirectory(false)
            // Spring closes the server after the connection pool; a JVM hook of zonky's own
            // would race the pool's shutdown.
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setPGStartupWait(startupTimeout)
            .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logTarget))
            .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logTarget))
            // Runs after zonky holds its lock on the directory, so no live JVM owns this server.
            .setDataDirectoryCustomizer(EmbeddedPostgresLauncher::stopOrphanedServer);
    // zonky starts postgres with -F (fsync off) and synchronous_commit=off; the -c options come
    // after -F on the command line, so these win, and commits are durable when acknowledged.
    DURABILITY_SETTINGS.forEach(builder::setServerConfig);
    LOG_SETTINGS.forEach(builder::setServerConfig);
    CHECKPOINT_SETTINGS.forEach(builder::setServerConfig);
    EmbeddedPostgres postgres = builder.start();
    try {
      createDatabaseIfMissing(postgres, database);
    } catch (SQLException | RuntimeException e) {
      postgres.close();
      throw new IOException("Could not prepare database " + database + " in " + dataDirectory, e);
    }
    return postgres;
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database)
      throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      boolean exists;
      try (PreparedStatement s =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        s.setString(1, database);
        try (ResultSet r = s.executeQuery()) {
          exists = r.next();
        }
      }
      if (!exists) {
        try (Statement s = c.createStatement()) {
          // The name matched DATABASE_NAME, so it needs no quoting.
          s.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
        }
        log.info("Created database {} in the embedded PostgreSQL", database);
      }
    }
  }

  /**
   * A JVM killed with -9 leaves its postgres running on the data directory; a new one cannot start
   * until that one has stopped. The caller holds zonky's file lock, so the server in the pid file
   * belongs to no living service: stop it (smart shutdown; its clients died with their JVM).
   */
  static void stopOrphanedServer(File dataDirectory) {
    Path pidFile = dataDirectory.toPath().resolve("postmaster.pid");
    Optional<ProcessHandle> orphan = postmaster(pidFile);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle process = orphan.get();
    log.warn(
        "PostgreSQL (pid {}) from an earlier run still serves {}: stopping it",
        process.pid(),
        dataDirectory);
    process.destroy();
    try {
      process.onExit().get(ORPHAN_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "PostgreSQL (pid "
              + process.pid()
              + ") from an earlier run did not stop within "
              + ORPHAN_STOP_WAIT.toSeconds()
              + " s; stop it, then start again",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping an orphaned PostgreSQL", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not wait for an orphaned PostgreSQL to stop", e);
    }
  }

  private static Optional<ProcessHandle> postmaster(Path pidFile) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + pidFile, e);
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    // A stale pid file may name a pid the system has since given to something else.
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .command()
                    .map(cmd -> cmd.toLowerCase(Locale.ROOT).endsWith("postgres"))
                    .orElse(false));
  }
}
