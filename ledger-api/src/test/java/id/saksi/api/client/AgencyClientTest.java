package id.saksi.api.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.Submissions;
import id.saksi.client.Main;
import id.saksi.client.SignedSubmission;
import id.saksi.client.StatementSigner;
import id.saksi.client.SubmissionCsv;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.verify.ReceiptFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agency client against the real service over HTTP: statements signed with the client's classes
 * and the standard test agencies' keys, submitted with its command line one at a time and as NDJSON
 * and CSV batches, every receipt checked and kept, and kept receipts proved with inclusion proofs.
 */
class AgencyClientTest extends HttpLedgerTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Path dir;
  private Path vkey;

  @BeforeEach
  void files() throws Exception {
    // The tests' working directory is target/, so these files go when it is cleaned.
    dir = Files.createTempDirectory(Path.of("").toAbsolutePath(), "agency-client-");
    vkey = dir.resolve("log.vkey");
    Files.writeString(vkey, keys.logVerifierKey().encode() + "\n", UTF_8);
  }

  private record Run(int code, String out, String err) {}

  private Run client(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new Run(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  private static SignedSubmission sign(
      String agency, String type, String subject, ObjectNode body, Map<String, String> personal)
      throws Exception {
    return new StatementSigner(Submissions.keyOf(agency), agency, RANDOM)
        .sign(type, subject, body, personal, Instant.now(), "test");
  }

  private static SignedSubmission circular() throws Exception {
    return sign(
        "PEMKOT-METRO",
        "instrument.issued",
        Bodies.freshInstrument(),
        Bodies.circular("005/9/B-06/2023"),
        Map.of());
  }

  /** A case report whose personal fields the client commits from their values. */
  private static SignedSubmission report() throws Exception {
    CaseScript script = new CaseScript(TestLedger.standard(), "T-" + UUID.randomUUID());
    ObjectNode body = script.reportBody("CANDIDATE", null);
    for (String field : List.of("place", "description", "reporter")) {
      body.remove(field);
    }
    for (String field : List.of("name", "nip", "position")) {
      ((ObjectNode) body.get("reported")).remove(field);
    }
    Map<String, String> personal = new LinkedHashMap<>();
    personal.put("place", "Balai Desa Margodadi");
    personal.put("description", "Hadir dan berorasi pada kampanye calon.");
    personal.put("reporter.name", "Siti Aminah");
    personal.put("reporter.contact", "siti@example.org");
    personal.put("reporter.nik", "3174011503850001");
    personal.put("reported.name", "Budi Santoso");
    personal.put("reported.nip", "198503302010122001");
    personal.put("reported.position", "Guru");
    return sign("BAWASLU-LAMPUNG", "case.reported", script.subject, body, personal);
  }

  private Path ndjson(String name, List<SignedSubmission> items) throws Exception {
    StringBuilder b = new StringBuilder();
    for (SignedSubmission s : items) {
      b.append(new String(s.canonicalBytes(), UTF_8)).append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, b.toString(), UTF_8);
    return f;
  }

  /** The receipts kept in {@code file}, each opened with the log's key and matched to its entry. */
  private List<Receipt> keptReceipts(Path file) throws Exception {
    List<Receipt> out = new ArrayList<>();
    for (ReceiptFiles.Note n : ReceiptFiles.read(file)) {
      Receipt r = Receipts.open(n.bytes(), keys.logVerifierKey(), keys.origin());
      r.requireMatches(ledger.entry(r.index()));
      out.add(r);
    }
    return out;
  }

  @Test
  void single_isAppended_itsReceiptKept_andResubmittingChangesNothing() throws Exception {
    SignedSubmission s = circular();
    Path file = dir.resolve("circular.json");
    Files.write(file, s.canonicalBytes());
    String url = "http://localhost:" + port;

    Run first = client("submit", "--url", url, "--log-key", vkey.toString(), file.toString());
    long size = ledger.size();
    Run again = client("submit", "--url", url, "--log-key", vkey.toString(), file.toString());

    assertThat(first.code()).as(first.out() + first.err()).isZero();
    assertThat(first.out()).startsWith("appended  instrument.issued " + s.statement().subject());
    assertThat(again.code()).as(again.out() + again.err()).isZero();
    assertThat(again.out()).startsWith("already   instrument.issued");
    assertThat(ledger.size()).isEqualTo(size);
    List<Receipt> kept = keptReceipts(Path.of(file + ".receipts"));
    assertThat(kept).hasSize(1);
    Entry stored = ledger.entry(kept.get(0).index());
    assertThat(stored.statement()).isEqualTo(s.statement());
  }

  @Test
  void batches_ndjsonAndCsv_eachItemAnsweredAndEveryReceiptKept() throws Exception {
    SignedSubmission refused =
        sign(
            "REGISTRAR",
            "instrument.issued",
            Bodies.freshInstrument(),
            Bodies.circular("005/10/B-06/2023"),
            Map.of());
    SignedSubmission report = report();
    Path batch = ndjson("batch.ndjson", List.of(circular(), report, refused, circular()));
    Path csv = dir.resolve("batch.csv");
    Files.writeString(
        csv,
        SubmissionCsv.header() + SubmissionCsv.row(circular()) + SubmissionCsv.row(report()),
        UTF_8);
    Path receipts = dir.resolve("receipts.txt");
    String url = "http://localhost:" + port;

    Run nd =
        client(
            "submit",
            "--url",
            url,
            "--log-key",
            vkey.toString(),
            "--receipts",
            receipts.toString(),
            "--batch",
            batch.toString());
    Run c =
        client(
            "submit",
            "--url",
            url,
            "--log-key",
            vkey.toString(),
            "--receipts",
            receipts.toString(),
            "--batch",
            csv.toString());

    assertThat(nd.code()).as(nd.out() + nd.err()).isEqualTo(1);
    assertThat(nd.out())
        .contains(
            batch + " line 2: entry ",
            "REFUSED   " + batch + " line 3: 422 rejected: ",
            "3 appended, 0 already in the ledger, 1 refused");
    assertThat(c.code()).as(c.out() + c.err()).isZero();
    assertThat(c.out()).contains("2 appended, 0 already in the ledger, 0 refused");
    List<Receipt> kept = keptReceipts(receipts);
    assertThat(kept).hasSize(5);
    Entry reported = ledger.entry(kept.get(1).index());
    assertThat(reported.statement()).isEqualTo(report.statement());
    assertThat(new String(reported.leafBytes(), UTF_8)).doesNotContain("Budi", "1985033020");
  }

  @Test
  void keptReceipts_areProvedWithInclusionProofs() throws Exception {
    Path batch = ndjson("proved.ndjson", List.of(circular(), report(), circular()));
    String url = "http://localhost:" + port;
    Run submitted =
        client("submit", "--url", url, "--log-key", vkey.toString(), "--batch", batch.toString());
    assertThat(submitted.code()).as(submitted.out() + submitted.err()).isZero();
    long last = ledger.size() - 1;
    awaitCheckpointCovering(last);

    Run r = client("check", "--url", url, "--log-key", vkey.toString(), batch + ".receipts");

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("OK: all 3 receipts are proved in the log.");
  }

  /** Waits for the service to sign a checkpoint that covers entry {@code index}. */
  private void awaitCheckpointCovering(long index) throws Exception {
    for (int i = 0; i < 200; i++) {
      byte[] note = client.get("/checkpoint").body().getBytes(UTF_8);
      Checkpoint cp = Checkpoints.open(note, keys.logVerifierKey(), keys.origin());
      if (cp.size() > index) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no checkpoint covers entry " + index + " after 10 s");
  }
}
