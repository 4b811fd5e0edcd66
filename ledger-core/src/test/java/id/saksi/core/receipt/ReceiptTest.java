package id.saksi.core.receipt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.CheckpointFormatException;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.UnverifiedNoteException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptTest {
  private static final String ORIGIN = "saksi.example/log";
  private static final NoteSigner LOG =
      NoteSigner.of(ORIGIN, Ed25519PrivateKey.fromSeed(new byte[32]));
  private static final Receipt RECEIPT =
      new Receipt(
          ORIGIN,
          42,
          Hashing.leafHash("entry 42".getBytes(UTF_8)),
          Hashing.leafHash("entry 41".getBytes(UTF_8)),
          Instant.parse("2024-10-01T08:00:00.123456Z"));

  @Test
  void format_isFiveLinesWithMillisecondTime() {
    assertThat(RECEIPT.format())
        .isEqualTo(
            ORIGIN
                + "\nreceipt 42\nleaf "
                + RECEIPT.leafHash().base64()
                + "\nprev "
                + RECEIPT.prev().base64()
                + "\nrecorded 2024-10-01T08:00:00.123Z\n");
  }

  @Test
  void signThenOpen_roundTrips() throws Exception {
    byte[] note = Receipts.sign(RECEIPT, LOG);
    assertThat(Receipts.open(note, LOG.verifierKey(), ORIGIN)).isEqualTo(RECEIPT);
  }

  @Test
  void open_byAnotherKey_isUnverified() {
    NoteSigner other =
        NoteSigner.of(
            ORIGIN,
            Ed25519PrivateKey.fromSeed(
                new byte[] {
                  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
                  1, 1, 1, 1, 1
                }));
    byte[] note = Receipts.sign(RECEIPT, other);
    assertThatThrownBy(() -> Receipts.open(note, LOG.verifierKey(), ORIGIN))
        .isInstanceOf(UnverifiedNoteException.class);
  }

  @Test
  void open_otherOrigin_isRejected() {
    NoteSigner log = NoteSigner.of("other.example/log", Ed25519PrivateKey.fromSeed(new byte[32]));
    Receipt r =
        new Receipt(
            "other.example/log", 1, RECEIPT.leafHash(), RECEIPT.prev(), RECEIPT.recordedAt());
    byte[] note = Receipts.sign(r, log);
    assertThatThrownBy(() -> Receipts.open(note, log.verifierKey(), ORIGIN))
        .isInstanceOf(VerificationException.class)
        .hasMessage("receipt is from log \"other.example/log\", expected \"saksi.example/log\"");
  }

  @Test
  void receiptText_isNeverACheckpoint() {
    assertThatThrownBy(() -> Checkpoint.parse(RECEIPT.format()))
        .isInstanceOf(CheckpointFormatException.class);
  }

  @Test
  void checkpoint_isNeverAReceipt() throws Exception {
    byte[] cp = Checkpoints.sign(new Checkpoint(ORIGIN, 43, Hash.ZERO), LOG);
    assertThatThrownBy(() -> Receipts.open(cp, LOG.verifierKey(), ORIGIN))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("not a receipt: expected the lines");
  }

  @Test
  void parse_controlCharacterInOrigin_isAParseException() {
    // Found by NoteFuzzTest: the origin line took a CR, which the record then refused unchecked.
    String text = RECEIPT.format().replace(ORIGIN, "saksi.example/\rlog");
    assertThatThrownBy(() -> Receipt.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith("not a receipt: expected the lines");
  }

  @Test
  void parse_hour24_isRejected() {
    String text =
        RECEIPT
            .format()
            .replace("recorded 2024-10-01T08:00:00.123Z", "recorded 2024-09-30T24:00:00.000Z");
    assertThat(text).contains("T24:00:00.000Z");
    assertThatThrownBy(() -> Receipt.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessage("not a receipt: recorded time 2024-09-30T24:00:00.000Z does not exist");
  }

  @Test
  void parse_leapSecond_isRejected() {
    String text =
        RECEIPT
            .format()
            .replace("recorded 2024-10-01T08:00:00.123Z", "recorded 2016-12-31T23:59:60.000Z");
    assertThat(text).contains("T23:59:60.000Z");
    assertThatThrownBy(() -> Receipt.parse(text))
        .isInstanceOf(ParseException.class)
        .hasMessage("not a receipt: recorded time 2016-12-31T23:59:60.000Z does not exist");
  }

  @Test
  void parse_leadingZeroIndex_isRejected() {
    String text = RECEIPT.format().replace("receipt 42", "receipt 042");
    assertThatThrownBy(() -> Receipt.parse(text)).isInstanceOf(ParseException.class);
  }
}
