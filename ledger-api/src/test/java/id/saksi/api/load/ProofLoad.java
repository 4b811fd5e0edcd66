package id.saksi.api.load;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.read.PostgresHashReader;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.ProofPlan;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.TlogProof;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code only=proof} mode of {@link HttpLoadGenerator}: inclusion proofs served at a large
 * tree. Appending ten million signed entries through the service would take hours here, and a proof
 * reads only {@code merkle_node} and {@code checkpoint}, so the tree is bulk-filled directly in SQL
 * instead: synthetic leaves {@code i} >= the ledger's size with leaf hash SHA-256(0x00 || int8(i)),
 * every complete node above them computed by PostgreSQL, and a checkpoint of {@code fill} entries
 * signed with the service's log key over the root the stored nodes give. The proofs served are then
 * real: each one is checked with the core's verifier against the synthetic leaf hash. Only for a
 * throw-away data directory: that ledger's checkpoint is ahead of its entries.
 */
final class ProofLoad {
  private static final int CHUNK = 1 << 20;

  private ProofLoad() {}

  static void run(ConfigurableApplicationContext service, int port, long fill, int proofs)
      throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(service.getBean(DataSource.class));
    ServiceKeys keys = service.getBean(ServiceKeys.class);
    long size = jdbc.queryForObject("SELECT size FROM ledger_head WHERE id = 0", Long.class);
    long t0 = System.nanoTime();
    boolean filled =
        jdbc.queryForObject("SELECT count(*) FROM checkpoint WHERE size = ?", Long.class, fill) > 0;
    if (!filled) {
      fillTree(jdbc, size, fill);
    }
    long rows = jdbc.queryForObject("SELECT count(*) FROM merkle_node", Long.class);
    System.out.printf(
        Locale.ROOT,
        "bulk-filled merkle_node to %d leaves (%d rows) in %.0f s%n",
        fill,
        rows,
        (System.nanoTime() - t0) / 1e9);
    if (!filled) {
      Hash root = ProofPlan.root(fill).execute(new PostgresHashReader(jdbc)).get(0);
      Checkpoint cp = new Checkpoint(keys.origin(), fill, root);
      byte[] note = Checkpoints.sign(cp, keys.logSigner());
      jdbc.update(
          "INSERT INTO checkpoint (size, root_hash, note) VALUES (?, ?, ?)",
          fill,
          root.bytes(),
          note);
      jdbc.execute("VACUUM ANALYZE merkle_node");
    }

    HttpClient http = HttpClient.newHttpClient();
    SplittableRandom random = new SplittableRandom(42);
    // Warm-up: the JIT and the connection; then the measured run, one request at a time.
    for (int i = 0; i < 1000; i++) {
      fetch(http, port, size + random.nextLong(fill - size));
    }
    long[] nanos = new long[proofs];
    for (int i = 0; i < proofs; i++) {
      long index = size + random.nextLong(fill - size);
      long start = System.nanoTime();
      byte[] body = fetch(http, port, index);
      nanos[i] = System.nanoTime() - start;
      if (i % 100 == 0) {
        TlogProof.parse(body).verify(leafHash(index), keys.logVerifierKey(), keys.origin());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "inclusion proof at %d entries over HTTP, one client: ms p50=%.2f p99=%.2f p99.9=%.2f"
            + " max=%.2f (%d proofs, 1 in 100 verified)%n",
        fill,
        HttpLoadGenerator.percentile(nanos, 50),
        HttpLoadGenerator.percentile(nanos, 99),
        HttpLoadGenerator.percentile(nanos, 99.9),
        HttpLoadGenerator.percentile(nanos, 100),
        proofs);
  }

  private static byte[] fetch(HttpClient http, int port, long index) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/proof/inclusion?index=" + index))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("proof of " + index + ": " + r.statusCode());
    }
    return r.body();
  }

  static Hash leafHash(long index) {
    return Hashing.leafHash(ByteBuffer.allocate(8).putLong(index).array());
  }

  /** Leaves [from, to) and every complete node above them, in chunks, without fsync waits. */
  static void fillTree(JdbcTemplate jdbc, long from, long to) {
    for (long lo = from; lo < to; lo += CHUNK) {
      long hi = Math.min(to, lo + CHUNK);
      jdbc.execute(
          "SET synchronous_commit = off; INSERT INTO merkle_node (level, idx, hash)"
              + " SELECT 0, i, sha256('\\x00'::bytea || int8send(i)) FROM generate_series("
              + lo
              + ", "
              + (hi - 1)
              + ") i ON CONFLICT DO NOTHING");
    }
    jdbc.execute("ANALYZE merkle_node");
    for (int level = 1; (to >> level) > 0; level++) {
      long parents = to >> level;
      for (long lo = 0; lo < parents; lo += CHUNK) {
        long hi = Math.min(parents, lo + CHUNK);
        // One ordered pass over the children by primary key, pairing each with the next.
        jdbc.execute(
            "SET synchronous_commit = off; INSERT INTO merkle_node (level, idx, hash)"
                + " SELECT "
                + level
                + ", idx / 2, sha256('\\x01'::bytea || hash || next) FROM (SELECT idx, hash,"
                + " lead(hash) OVER (ORDER BY idx) AS next FROM merkle_node WHERE level = "
                + (level - 1)
                + " AND idx >= "
                + (2 * lo)
                + " AND idx < "
                + (2 * hi)
                + ") c WHERE idx % 2 = 0 AND next IS NOT NULL ON CONFLICT DO NOTHING");
      }
    }
  }
}
