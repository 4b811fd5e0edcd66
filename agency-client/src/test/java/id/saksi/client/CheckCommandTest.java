package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check: receipts proved against the latest checkpoint with inclusion proofs, or not. */
class CheckCommandTest {
  @TempDir Path dir;
  private StubLedger ledger;
  private Path vkey;
  private Path receipts;

  @BeforeEach
  void fill() throws IOException {
    ledger = new StubLedger();
    vkey = Fixtures.write(dir.resolve("log.vkey"), StubLedger.logKey().encode() + "\n");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      b.append(new String(Fixtures.circular("instrument/K-" + i).canonicalBytes(), UTF_8))
          .append('\n');
    }
    Path batch = Fixtures.write(dir.resolve("b.ndjson"), b.toString());
    Cli r =
        Cli.run(
            "submit",
            "--url",
            ledger.url().toString(),
            "--log-key",
            vkey.toString(),
            "--batch",
            batch.toString());
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    receipts = Path.of(batch + ".receipts");
  }

  @AfterEach
  void stop() {
    ledger.close();
  }

  private Cli check(Path file) {
    return Cli.run(
        "check", "--url", ledger.url().toString(), "--log-key", vkey.toString(), file.toString());
  }

  @Test
  void honestLog_provesEveryReceipt() {
    Cli r = check(receipts);

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .startsWith("latest checkpoint: size 5, root ")
        .contains(
            "ok       b.ndjson.receipts: entry 0 is in the log under the checkpoint of size 5",
            "ok       b.ndjson.receipts #5: entry 4 is in the log",
            "OK: all 5 receipts are proved in the log.");
    assertThat(ledger.requests).contains("GET /checkpoint", "GET /proof/inclusion?index=3&size=5");
  }

  @Test
  void wrongProof_failsEveryReceiptWithWhy() {
    ledger.wrongProof = true;

    Cli r = check(receipts);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "FAILED   b.ndjson.receipts #2: the log does not prove the receipt's leaf at its"
                + " index: ",
            "FAILED: 0 proved, 0 not yet in a checkpoint, 5 failed.");
  }

  @Test
  void checkpointSignedByAnotherKey_provesNothing() {
    ledger.foreignCheckpoint = true;

    Cli r = check(receipts);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("FAILED  the service's checkpoint is not one the log signed: ")
        .contains("FAILED: nothing can be proved against this service's checkpoint.");
    assertThat(ledger.requests).doesNotContain("GET /proof/inclusion?index=0&size=5");
  }

  @Test
  void proofAgainstAnotherRootOfTheSameSize_isReportedAsAFork() {
    ledger.proofAgainstAnotherRoot = true;

    Cli r = check(receipts);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "FAILED   b.ndjson.receipts: the log signed two different roots for size 5 (",
            "keep both as evidence of a forked log");
  }

  @Test
  void receiptNewerThanTheCheckpoint_isPending() {
    ledger.checkpointLag = 2;

    Cli r = check(receipts);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "ok       b.ndjson.receipts #3: entry 2 is in the log under the checkpoint of size 3",
            "pending  b.ndjson.receipts #4: entry 3 is not yet in the latest checkpoint (size 3);"
                + " check again in a few seconds",
            "NOT YET: 3 proved, 2 not yet in a checkpoint, 0 failed.");
  }

  @Test
  void serviceWithoutTheProofEndpoint_saysSo() {
    ledger.noProofEndpoint = true;

    Cli r = check(receipts);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "FAILED   b.ndjson.receipts: the service has no GET /proof/inclusion (404: Not Found)");
  }

  @Test
  void proofRefusedWithAProblem_showsTheProblem() {
    ledger.proofProblem =
        StubLedger.problem(400, "index-out-of-range", "index 4 is not below size 3; ask again");

    Cli r = check(receipts);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "FAILED   b.ndjson.receipts #5: the service refused the inclusion proof: 400"
                + " index-out-of-range: index 4 is not below size 3; ask again");
  }

  @Test
  void forgedReceipt_isNotSignedByTheLog() throws Exception {
    Receipt forged =
        new Receipt(
            StubLedger.ORIGIN,
            1,
            ledger.entry(0).leafHash(),
            ledger.entry(0).prev(),
            ledger.entry(0).recordedAt());
    Path file = dir.resolve("forged.txt");
    Files.write(file, Receipts.sign(forged, StubLedger.OTHER_LOG));

    Cli r = check(file);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("FAILED   forged.txt: not signed by the log's key: ");
  }

  @Test
  void receiptOfAnotherLeafAtAnIndex_failsTheProof() throws Exception {
    Receipt lie =
        new Receipt(
            StubLedger.ORIGIN,
            1,
            ledger.entry(0).leafHash(),
            ledger.entry(0).prev(),
            ledger.entry(0).recordedAt());
    Path file = dir.resolve("lie.txt");
    Files.write(file, Receipts.sign(lie, StubLedger.LOG));

    Cli r = check(file);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAILED   lie.txt: the log does not prove the receipt's leaf at its index: ");
  }

  @Test
  void notAReceiptsFile_isUnusableInput() throws Exception {
    Path file = Fixtures.write(dir.resolve("junk.txt"), "hello\n");

    Cli r = check(file);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("agency-client: ").doesNotContain("\tat ");
  }

  @Test
  void missingLogKey_isAUsageError() {
    Cli r = Cli.run("check", "--url", ledger.url().toString(), receipts.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "agency-client: --log-key is required (java -jar agency-client.jar check --help)\n");
    assertThat(List.copyOf(ledger.requests)).doesNotContain("GET /checkpoint");
  }
}
