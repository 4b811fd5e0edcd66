package id.saksi.verifier.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import id.saksi.core.verify.Failure;
import id.saksi.core.verify.ReceiptFiles;
import id.saksi.core.verify.UnusableInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log key chain: trust runs backwards from the key given through transition checkpoints signed
 * by both keys, forwards only through a transition note the user gives, and a rotation that does
 * not check out vouches for nothing.
 */
class LogKeyChainTest {
  private static final String ORIGIN = "example.go.id/log";

  private static NoteSigner signer(int seed) {
    byte[] s = new byte[32];
    s[0] = (byte) seed;
    return NoteSigner.of(ORIGIN, Ed25519PrivateKey.fromSeed(s));
  }

  private static final NoteSigner FIRST = signer(1);
  private static final NoteSigner SECOND = signer(2);
  private static final NoteSigner THIRD = signer(3);
  private static final NoteSigner STRANGER = signer(9);

  private static Checkpoint checkpoint(long size) {
    Hash root = Hashing.sha256(("root " + size).getBytes(StandardCharsets.UTF_8));
    return new Checkpoint(ORIGIN, size, root);
  }

  private static LogKeyChain.Rotation rotation(long size, NoteSigner old, NoteSigner next) {
    return new LogKeyChain.Rotation(
        size,
        old.verifierKey().encode(),
        next.verifierKey().encode(),
        Checkpoints.sign(checkpoint(size), old, next));
  }

  private final List<Failure> failures = new ArrayList<>();

  private LogKeyChain build(
      NoteSigner given, List<LogKeyChain.Rotation> rotations, List<byte[]> published) {
    return LogKeyChain.build(given.verifierKey(), ORIGIN, rotations, published, failures::add);
  }

  private static List<NoteVerifierKey> keys(NoteSigner... signers) {
    List<NoteVerifierKey> out = new ArrayList<>();
    for (NoteSigner s : signers) {
      out.add(s.verifierKey());
    }
    return out;
  }

  @Test
  void build_noRotation_theGivenKeySignsEverySize() {
    LogKeyChain chain = build(FIRST, List.of(), List.of());

    assertThat(chain.keysAt(0)).isEqualTo(keys(FIRST));
    assertThat(chain.keysAt(Long.MAX_VALUE)).isEqualTo(keys(FIRST));
    assertThat(failures).isEmpty();
  }

  @Test
  void build_currentKeyGiven_vouchesForTheRetiredKeyUpToTheTransition() {
    LogKeyChain chain = build(SECOND, List.of(rotation(10, FIRST, SECOND)), List.of());

    assertThat(chain.keysAt(9)).isEqualTo(keys(FIRST));
    assertThat(chain.keysAt(10)).isEqualTo(keys(SECOND, FIRST));
    assertThat(chain.keysAt(11)).isEqualTo(keys(SECOND));
    assertThat(chain.transitions()).containsExactly(checkpoint(10));
    assertThat(chain.notes())
        .containsExactly(
            "the log key was rotated at tree size 10: checkpoints up to it are signed by the"
                + " retired key "
                + FIRST.verifierKey().keyRef()
                + ", which the transition checkpoint signed by both keys vouches for");
    assertThat(failures).isEmpty();
  }

  @Test
  void build_twoRotations_trustRunsBackThroughBoth() {
    LogKeyChain chain =
        build(THIRD, List.of(rotation(20, SECOND, THIRD), rotation(10, FIRST, SECOND)), List.of());

    assertThat(chain.keysAt(5)).isEqualTo(keys(FIRST));
    assertThat(chain.keysAt(15)).isEqualTo(keys(SECOND));
    assertThat(chain.keysAt(25)).isEqualTo(keys(THIRD));
    assertThat(failures).isEmpty();
  }

  @Test
  void build_retiredKeyGivenAlone_trustsNothingAfterTheRotation() {
    LogKeyChain chain = build(FIRST, List.of(rotation(10, FIRST, SECOND)), List.of());

    assertThat(chain.keysAt(10)).isEqualTo(keys(FIRST));
    assertThat(chain.keysAt(11)).isEmpty();
    assertThat(chain.notes())
        .containsExactly(
            "the log key was rotated at tree size 10 to "
                + SECOND.verifierKey().keyRef()
                + "; that key is not trusted, because no transition note given with --transition"
                + " is signed by both");
  }

  @Test
  void build_retiredKeyWithThePublishedNote_trustsTheNewKey() {
    LogKeyChain.Rotation r = rotation(10, FIRST, SECOND);

    LogKeyChain chain = build(FIRST, List.of(r), List.of(r.note()));

    assertThat(chain.keysAt(11)).isEqualTo(keys(SECOND));
    assertThat(failures).isEmpty();
  }

  @Test
  void build_retiredKeyWithANoteAStrangerCosigned_doesNotTrustTheStranger() {
    // The database claims a rotation to the stranger's key, on a note the retired key signed
    // and the stranger added its signature to; the note the user holds is the real one.
    LogKeyChain.Rotation real = rotation(10, FIRST, SECOND);
    LogKeyChain.Rotation forged =
        new LogKeyChain.Rotation(
            10,
            FIRST.verifierKey().encode(),
            STRANGER.verifierKey().encode(),
            Checkpoints.sign(checkpoint(10), FIRST, STRANGER));

    LogKeyChain chain = build(FIRST, List.of(forged), List.of(real.note()));

    assertThat(chain.keysAt(11)).isEmpty();
  }

  @Test
  void build_transitionNotSignedByTheRetiredKey_isAFailureAndVouchesForNothing() {
    LogKeyChain.Rotation forged =
        new LogKeyChain.Rotation(
            10,
            FIRST.verifierKey().encode(),
            SECOND.verifierKey().encode(),
            Checkpoints.sign(checkpoint(10), STRANGER, SECOND));

    LogKeyChain chain = build(SECOND, List.of(forged), List.of());

    assertThat(chain.keysAt(5)).isEmpty();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).message())
        .startsWith(
            "the transition checkpoint of the log key rotation recorded at tree size 10 is not"
                + " signed by the retired key "
                + FIRST.verifierKey().keyRef()
                + ": ");
  }

  @Test
  void build_rotationsThatDoNotLink_isAFailureAndTheOlderKeyUntrusted() {
    LogKeyChain chain =
        build(
            THIRD, List.of(rotation(10, FIRST, SECOND), rotation(20, STRANGER, THIRD)), List.of());

    assertThat(chain.keysAt(15)).isEmpty();
    assertThat(chain.keysAt(25)).isEqualTo(keys(THIRD));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).message())
        .isEqualTo(
            "the log key rotation recorded at tree size 20 hands over from another key than the"
                + " one the rotation before it (tree size 10) handed over to");
  }

  @Test
  void open_checkpointSignedByAnUnvouchedKey_namesTheKeysTrusted() {
    LogKeyChain chain = build(SECOND, List.of(rotation(10, FIRST, SECOND)), List.of());

    assertThatThrownBy(() -> chain.open(Checkpoints.sign(checkpoint(5), STRANGER), 5, ORIGIN))
        .isInstanceOf(LogKeyChain.UntrustedCheckpointException.class)
        .hasMessageStartingWith(
            "it is signed by no log key trusted at tree size 5 ("
                + FIRST.verifierKey().keyRef()
                + "); the keys trusted are "
                + FIRST.verifierKey().keyRef()
                + " for tree sizes 0 to 10 (vouched for by the transition checkpoint of tree size"
                + " 10, signed by it and by "
                + SECOND.verifierKey().keyRef()
                + "); "
                + SECOND.verifierKey().keyRef()
                + " for tree sizes 10 to now (the key given): a checkpoint signed by a key that"
                + " no transition checkpoint vouches for is not the log's");
  }

  @Test
  void open_newKeyBeforeItsRotation_isRefused() throws Exception {
    LogKeyChain chain = build(SECOND, List.of(rotation(10, FIRST, SECOND)), List.of());

    assertThatThrownBy(() -> chain.open(Checkpoints.sign(checkpoint(5), SECOND), 5, ORIGIN))
        .isInstanceOf(LogKeyChain.UntrustedCheckpointException.class);
    assertThat(chain.open(Checkpoints.sign(checkpoint(12), SECOND), 12, ORIGIN).size())
        .isEqualTo(12);
  }

  @Test
  void signerOf_retiredKeysCheckpointUpToTheTransition_isTheRetiredKey() throws Exception {
    LogKeyChain chain = build(SECOND, List.of(rotation(10, FIRST, SECOND)), List.of());

    assertThat(chain.signerOf(Checkpoints.sign(checkpoint(7), FIRST), ORIGIN))
        .isEqualTo(FIRST.verifierKey());
    assertThat(chain.signerOf(Checkpoints.sign(checkpoint(12), SECOND), ORIGIN))
        .isEqualTo(SECOND.verifierKey());
  }

  @Test
  void signerOf_retiredKeysCheckpointBeyondTheTransition_isUntrusted() {
    LogKeyChain chain = build(SECOND, List.of(rotation(10, FIRST, SECOND)), List.of());

    assertThatThrownBy(() -> chain.signerOf(Checkpoints.sign(checkpoint(11), FIRST), ORIGIN))
        .isInstanceOf(LogKeyChain.UntrustedCheckpointException.class)
        .hasMessageStartingWith(
            "it is signed by no log key trusted at tree size 11 ("
                + SECOND.verifierKey().keyRef()
                + ")");
  }

  @Test
  void openReceipt_retiredKeysReceiptAfterItsRotation_isUnusable() {
    LogKeyChain chain = build(SECOND, List.of(rotation(10, FIRST, SECOND)), List.of());
    byte[] late =
        Receipts.sign(
            new Receipt(
                ORIGIN,
                10,
                Hashing.sha256("leaf".getBytes(StandardCharsets.UTF_8)),
                Hashing.sha256("prev".getBytes(StandardCharsets.UTF_8)),
                Instant.parse("2026-01-01T00:00:00Z")),
            FIRST);

    assertThatThrownBy(() -> chain.openReceipt(new ReceiptFiles.Note("r", late), ORIGIN))
        .isInstanceOf(UnusableInputException.class)
        .hasMessage(
            "receipt r for entry 10 is signed by the log key "
                + FIRST.verifierKey().keyRef()
                + ", which signs only at tree sizes 0 to 10: it is not the log's");
  }
}
