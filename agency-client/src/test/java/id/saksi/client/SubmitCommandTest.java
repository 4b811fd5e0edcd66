package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.verify.ReceiptFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** submit against a service in the test: receipts kept, idempotency, batches, refusals, lies. */
class SubmitCommandTest {
  @TempDir Path dir;
  private StubLedger ledger;
  private Path vkey;

  @BeforeEach
  void start() throws IOException {
    ledger = new StubLedger();
    vkey = Fixtures.write(dir.resolve("log.vkey"), StubLedger.logKey().encode() + "\n");
  }

  @AfterEach
  void stop() {
    ledger.close();
  }

  private Path single(String name, SignedSubmission s) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, s.canonicalBytes());
    return f;
  }

  private Path ndjson(String name, List<SignedSubmission> items) throws IOException {
    StringBuilder b = new StringBuilder();
    for (SignedSubmission s : items) {
      b.append(new String(s.canonicalBytes(), UTF_8)).append('\n');
    }
    return Fixtures.write(dir.resolve(name), b.toString());
  }

  private Cli submit(String... args) {
    List<String> all = new ArrayList<>(List.of("submit", "--url", ledger.url().toString()));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(new String[0]));
  }

  private List<Receipt> receipts(Path file) throws Exception {
    List<Receipt> out = new ArrayList<>();
    for (ReceiptFiles.Note n : ReceiptFiles.read(file)) {
      out.add(Receipts.open(n.bytes(), StubLedger.logKey(), StubLedger.ORIGIN));
    }
    return out;
  }

  @Test
  void single_isAppended_andItsCheckedReceiptKept() throws Exception {
    Path f = single("s.json", Fixtures.circular("instrument/S-1"));

    Cli r = submit("--log-key", vkey.toString(), f.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .startsWith("appended  instrument.issued instrument/S-1: entry 0\n")
        .contains("1 appended, 0 already in the ledger, 0 refused");
    List<Receipt> kept = receipts(Path.of(f + ".receipts"));
    assertThat(kept).hasSize(1);
    kept.get(0).requireMatches(ledger.entry(0));
  }

  @Test
  void sameFileTwice_getsTheSameReceipt_keptOnce() throws Exception {
    Path f = single("s.json", Fixtures.circular("instrument/S-2"));
    submit("--log-key", vkey.toString(), f.toString());
    byte[] first = Files.readAllBytes(Path.of(f + ".receipts"));

    Cli r = submit("--log-key", vkey.toString(), f.toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("already   instrument.issued instrument/S-2: entry 0 (");
    assertThat(ledger.size()).isEqualTo(1);
    assertThat(Files.readAllBytes(Path.of(f + ".receipts"))).isEqualTo(first);
  }

  @Test
  void refusal_showsTheProblem_andExitsOne() throws Exception {
    ledger.refuse =
        s -> {
          var p =
              StubLedger.problem(
                  403, "key-unknown", "the key is not registered; register it with key.added");
          p.put("key", s.statement().key().hex());
          return p;
        };
    Path f = single("s.json", Fixtures.circular("instrument/S-3"));

    Cli r = submit(f.toString(), "--receipts", dir.resolve("r.txt").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "REFUSED   instrument.issued instrument/S-3: 403 key-unknown: the key is not"
                + " registered; register it with key.added (key c3eaf932");
    assertThat(Files.exists(dir.resolve("r.txt"))).isFalse();
  }

  @Test
  void receiptSignedByAnotherKey_isReported_andNotKept() throws Exception {
    ledger.foreignReceipt = true;
    Path f = single("s.json", Fixtures.circular("instrument/S-4"));

    Cli r = submit("--log-key", vkey.toString(), f.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "FAILED    instrument.issued instrument/S-4: the receipt is not signed by the log's"
                + " key: ");
    assertThat(Files.exists(Path.of(f + ".receipts"))).isFalse();
  }

  @Test
  void receiptForAnotherEntry_isReported_evenWithoutTheLogKey() throws Exception {
    single("first.json", Fixtures.circular("instrument/S-5"));
    submit(dir.resolve("first.json").toString());
    ledger.receiptForAnotherEntry = true;
    Path f = single("s.json", Fixtures.circular("instrument/S-6"));

    Cli r = submit(f.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            "FAILED    instrument.issued instrument/S-6: the receipt does not name this"
                + " statement's entry: ");
    assertThat(r.err()).contains("without --log-key the receipts' signatures were not checked");
  }

  @Test
  void unavailableOnce_isSentAgain_andAppendedOnce() throws Exception {
    ledger.unavailable = 1;
    Path f = single("s.json", Fixtures.circular("instrument/S-7"));

    Cli r = submit("--log-key", vkey.toString(), f.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.err()).contains("503 unavailable: the queue is full; the outcome is unknown");
    assertThat(ledger.requests).containsExactly("POST /statements", "POST /statements");
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void unavailableWithoutRetries_isARefusal() throws Exception {
    ledger.unavailable = 1;
    Path f = single("s.json", Fixtures.circular("instrument/S-8"));

    Cli r = submit("--retries", "0", f.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("REFUSED   instrument.issued instrument/S-8: 503 unavailable");
  }

  @Test
  void noService_isExitTwo_sayingTheOutcomeIsUnknown() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path f = single("s.json", Fixtures.circular("instrument/S-9"));

    Cli r = Cli.run("submit", "--url", "http://127.0.0.1:" + port, "--retries", "0", f.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("agency-client: no answer from the service (ConnectException")
        .contains("submitting the same file again is safe");
  }

  @Test
  void batch_printsEachItem_keepsEachReceipt_andExitsOneForARefusal() throws Exception {
    ledger.refuse =
        s ->
            s.statement().subject().equals("instrument/B-2")
                ? StubLedger.problem(409, "nonce-reused", "use a fresh random nonce")
                : null;
    Path f =
        ndjson(
            "b.ndjson",
            List.of(
                Fixtures.circular("instrument/B-1"),
                Fixtures.circular("instrument/B-2"),
                Fixtures.circular("instrument/B-3")));

    Cli r = submit("--log-key", vkey.toString(), "--batch", f.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            "appended  " + f + " line 1: entry 0\n",
            "REFUSED   " + f + " line 2: 409 nonce-reused: use a fresh random nonce\n",
            "appended  " + f + " line 3: entry 1\n",
            "2 appended, 0 already in the ledger, 1 refused");
    assertThat(receipts(Path.of(f + ".receipts")))
        .extracting(Receipt::index)
        .containsExactly(0L, 1L);
  }

  @Test
  void batchOf1001_isSentInTwoRequests_andAgainWithTheSameReceipts() throws Exception {
    List<SignedSubmission> items = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      items.add(Fixtures.circular("instrument/L-" + i));
    }
    Path f = ndjson("big.ndjson", items);

    Cli first = submit("--log-key", vkey.toString(), "--batch", f.toString());
    byte[] kept = Files.readAllBytes(Path.of(f + ".receipts"));
    Cli again = submit("--log-key", vkey.toString(), "--batch", f.toString());

    assertThat(first.code()).as(first.out()).isZero();
    assertThat(ledger.requests)
        .containsExactly(
            "POST /statements/batch",
            "POST /statements/batch",
            "POST /statements/batch",
            "POST /statements/batch");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("0 appended, 1001 already in the ledger, 0 refused");
    assertThat(ledger.size()).isEqualTo(1001);
    assertThat(Files.readAllBytes(Path.of(f + ".receipts"))).isEqualTo(kept);
    assertThat(receipts(Path.of(f + ".receipts"))).hasSize(1001);
  }

  @Test
  void batchCsv_isSentLikeNdjson() throws Exception {
    Path f =
        Fixtures.write(
            dir.resolve("b.csv"),
            SubmissionCsv.header()
                + SubmissionCsv.row(Fixtures.circular("instrument/C-1"))
                + SubmissionCsv.row(Fixtures.circular("instrument/C-2")));

    Cli r = submit("--log-key", vkey.toString(), "--batch", f.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out())
        .contains(
            "appended  " + f + " row 1 (line 2): entry 0",
            "appended  " + f + " row 2 (line 3): entry 1");
  }

  @Test
  void batchWithABadLine_sendsNothing() throws Exception {
    Path f =
        Fixtures.write(
            dir.resolve("b.ndjson"),
            new String(Fixtures.circular("instrument/D-1").canonicalBytes(), UTF_8)
                + "\n{\"statement\":{}}\n");

    Cli r = submit("--batch", f.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("agency-client: " + f + " line 2: ");
    assertThat(ledger.requests).isEmpty();
  }

  @Test
  void batchFileWithoutBatchOption_isAUsageError() throws Exception {
    Path f = ndjson("b.ndjson", List.of(Fixtures.circular("instrument/F-1")));

    Cli r = submit(f.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "agency-client: "
                + f
                + " is a batch file: send it with --batch "
                + f
                + " (java -jar agency-client.jar submit --help)\n");
    assertThat(ledger.requests).isEmpty();
  }

  @Test
  void wholeBatchRefused_stopsAndSaysSo() throws Exception {
    ledger.unavailable = 5;
    Path f = ndjson("b.ndjson", List.of(Fixtures.circular("instrument/E-1")));

    Cli r = submit("--retries", "1", "--batch", f.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("REFUSED   the batch " + f + " line 1 to " + f + " line 1: 503 unavailable")
        .contains("the rest not sent");
    assertThat(ledger.requests).hasSize(2);
  }
}
