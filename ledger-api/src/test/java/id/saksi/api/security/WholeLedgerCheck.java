package id.saksi.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.export.DisclosureLine;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.ExportWriter;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test-only: exports the whole ledger of a running service as the core's bundle, straight from its
 * tables, with the disclosures still stored, and verifies it with the core's ExportVerifier (chain,
 * tree, checkpoint, every signature against the key registry at its position, the domain replay,
 * every disclosure against its digest), trusting only the log's key.
 */
public final class WholeLedgerCheck {
  private WholeLedgerCheck() {}

  /**
   * Signs a checkpoint over everything committed, exports up to it, verifies; returns the report.
   */
  public static VerificationReport verify(
      DataSource dataSource, CheckpointPublisher checkpoints, ServiceKeys keys, Path dir)
      throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long size = jdbc.queryForObject("SELECT size FROM ledger_head WHERE id = 0", Long.class);
    byte[] note = null;
    Checkpoint cp = null;
    // Another signer (the publisher's own, after an append) may hold the signing lock: ask until
    // a checkpoint covers everything committed before this call, a bounded number of times.
    for (int i = 0; i < 200 && (cp == null || cp.size() < size); i++) {
      checkpoints.signIfGrown();
      note = checkpoints.latest().orElseThrow();
      cp = Checkpoints.open(note, keys.logVerifierKey(), keys.origin());
      if (cp.size() < size) {
        Thread.sleep(25);
      }
    }
    assertThat(cp.size()).as("checkpoint size").isGreaterThanOrEqualTo(size);
    Files.createDirectories(dir);
    Path zip = Files.createTempFile(dir, "ledger-", ".zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ExportWriter w =
            new ExportWriter(
                out, ExportScope.ledger(), note, keys.logVerifierKey(), Instant.now())) {
      List<byte[]> leaves =
          jdbc.query(
              "SELECT leaf FROM ledger_entry WHERE idx < ? ORDER BY idx",
              (r, n) -> r.getBytes(1),
              cp.size());
      assertThat(leaves).hasSize((int) cp.size());
      for (int i = 0; i < leaves.size(); i++) {
        w.leaf(i, leaves.get(i));
      }
      List<long[]> indexes = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      jdbc.query(
          "SELECT entry_idx, disclosure FROM personal_disclosure WHERE entry_idx < ?"
              + " ORDER BY entry_idx, field",
          r -> {
            indexes.add(new long[] {r.getLong(1)});
            texts.add(r.getString(2));
          },
          cp.size());
      int i = 0;
      while (i < indexes.size()) {
        long index = indexes.get(i)[0];
        List<Disclosure> ds = new ArrayList<>();
        while (i < indexes.size() && indexes.get(i)[0] == index) {
          ds.add(Disclosure.parse(texts.get(i)));
          i++;
        }
        w.disclosures(new DisclosureLine(index, ds));
      }
      w.finish();
    }
    return ExportVerifier.verify(
        zip, VerifyOptions.of(keys.logVerifierKey()).withOrigin(keys.origin()));
  }
}
