package id.saksi.core.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.entry.Entry;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.ExportScope;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.testing.SignedLedgerBuilder;
import id.saksi.core.testing.Tampers;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptCheckTest {
  @TempDir Path dir;

  private final SignedLedgerBuilder ledger = Tampers.honest();

  private ReceiptCheck.Report check(byte[] bundle, byte[]... receipts) throws Exception {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] r : receipts) {
      all.writeBytes(r);
      all.write('\n');
    }
    Path file = Files.write(dir.resolve("receipts.txt"), all.toByteArray());
    try (ExportReader reader = ExportReader.open(Files.write(dir.resolve("x.zip"), bundle))) {
      return ReceiptCheck.check(reader, VerifyOptions.of(ledger.logKey()), ReceiptFiles.read(file));
    }
  }

  @Test
  void check_receiptsOfTheLedger_allMatch() throws Exception {
    ReceiptCheck.Report r =
        check(ledger.export(), ledger.receipt(0), ledger.receipt(31), ledger.receipt(44));

    assertThat(r.export().failures()).isEmpty();
    assertThat(r.results())
        .extracting(ReceiptCheck.Result::status)
        .containsOnly(ReceiptCheck.Status.MATCHED);
    assertThat(r.results())
        .extracting(ReceiptCheck.Result::source)
        .containsExactly("receipts.txt", "receipts.txt #2", "receipts.txt #3");
  }

  @Test
  void check_replacedSubmission_isProvedByTheReceipt() throws Exception {
    // The log answered a receipt for entry 31, then signed a ledger with another entry there.
    Entry theirs = ledger.entries().get(31);
    Receipt promise =
        new Receipt(
            SignedLedgerBuilder.ORIGIN,
            31,
            id.saksi.core.hash.Hashing.sha256("another statement".getBytes(UTF_8)),
            theirs.prev(),
            theirs.recordedAt());
    ReceiptCheck.Report r = check(ledger.export(), Receipts.sign(promise, ledger.logSigner()));

    assertThat(r.broken()).hasSize(1);
    assertThat(r.broken().get(0).message())
        .startsWith("the log promised entry 31 with leaf hash ")
        .endsWith("there: the submission was replaced or dropped");
  }

  @Test
  void check_droppedTail_isProvedByTheRecordingTime() throws Exception {
    // The log promised entry 44, recorded (it said) before entry 39 was; later it signs a
    // ledger that ends at entry 39. Indexes follow recording time, so entry 44 must be in it.
    Receipt promise =
        new Receipt(
            SignedLedgerBuilder.ORIGIN,
            44,
            ledger.entries().get(44).leafHash(),
            ledger.entries().get(43).leafHash(),
            SignedLedgerBuilder.recordedAt(38));
    byte[] shorter = SignedLedgerBuilder.wholeCase(40).export();
    ReceiptCheck.Report r = check(shorter, Receipts.sign(promise, ledger.logSigner()));

    assertThat(r.broken()).hasSize(1);
    assertThat(r.broken().get(0).message())
        .startsWith("the log promised entry 44, recorded at ")
        .contains("but its signed ledger ends at entry 39")
        .endsWith(": the entry was dropped or the ledger rolled back");
  }

  @Test
  void check_receiptBeyondAPartialExport_isNotCovered() throws Exception {
    byte[] bundle = ledger.export(ExportScope.range(40, 45), false);
    ReceiptCheck.Report r = check(bundle, ledger.receipt(31), ledger.receipt(41));

    assertThat(r.results())
        .extracting(ReceiptCheck.Result::status)
        .containsExactly(ReceiptCheck.Status.NOT_COVERED, ReceiptCheck.Status.MATCHED);
  }

  @Test
  void check_receiptNotSignedByTheLog_isUnusable() {
    byte[] forged =
        Receipts.sign(
            Receipt.forEntry(SignedLedgerBuilder.ORIGIN, ledger.entries().get(3)),
            SignedLedgerBuilder.logSigner("IMPOSTOR"));
    assertThatThrownBy(() -> check(ledger.export(), forged))
        .isInstanceOf(UnusableInputException.class)
        .hasMessageStartingWith("receipt receipts.txt is not a receipt signed by the log's key:");
  }

  @Test
  void check_tamperedExport_comparesNothing() throws Exception {
    ReceiptCheck.Report r = check(Tampers.deletedEntry().bundle(), ledger.receipt(35));

    assertThat(r.export().failures()).isNotEmpty();
    assertThat(r.results()).isEmpty();
  }

  @Test
  void read_folderOfReceipts_oneNotePerFile() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("receipts"));
    Files.write(folder.resolve("b.receipt"), ledger.receipt(2));
    Files.write(folder.resolve("a.receipt"), ledger.receipt(1));

    List<ReceiptFiles.Note> notes = ReceiptFiles.read(folder);

    assertThat(notes)
        .extracting(ReceiptFiles.Note::source)
        .containsExactly("a.receipt", "b.receipt");
    assertThat(notes.get(0).bytes()).isEqualTo(ledger.receipt(1));
  }
}
