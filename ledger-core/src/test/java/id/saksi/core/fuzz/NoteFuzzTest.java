package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.CheckpointFormatException;
import id.saksi.core.note.CheckpointOriginException;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.InvalidNoteSignatureException;
import id.saksi.core.note.NoteFormatException;
import id.saksi.core.note.NoteKeyFormatException;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.OpenedNote;
import id.saksi.core.note.SignedNote;
import id.saksi.core.note.SignedNotes;
import id.saksi.core.note.TlogProof;
import id.saksi.core.note.TlogProofFormatException;
import id.saksi.core.note.UnverifiedNoteException;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the C2SP text formats: signed notes ({@link SignedNote#parse}, {@link SignedNotes#open}),
 * checkpoints, receipts, tlog-proofs and note keys, with the log key and origin of docs/example.
 *
 * <p>Only the documented exceptions escape, and every format with a writer round-trips: what parses
 * is written back byte for byte. Checkpoint and receipt texts are also signed with the log's key
 * and opened, so that their parsers are fuzzed behind a valid signature too, where an attacker who
 * controls the log's input (but not its key) could put them.
 */
class NoteFuzzTest {
  static final String ORIGIN = "saksi.example/log";

  // RFC 8410 section 10.3's private key: the log key of docs/example (FormatExampleTest).
  static final NoteSigner LOG =
      NoteSigner.of(
          ORIGIN,
          Ed25519PrivateKey.fromSeed(
              HexFormat.of()
                  .parseHex("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842")));

  static final NoteSigner WITNESS =
      NoteSigner.of("witness.example/w1", Ed25519PrivateKey.fromSeed(new byte[32]));

  static final NoteVerifierKey LOG_KEY = LOG.verifierKey();

  static final Path NOTES = FuzzSeeds.RESOURCES.resolve("note");

  /** Leaf hash of entry 1 of docs/example, the entry entry-1.tlog-proof proves. */
  static final Hash ENTRY_1 =
      Hashing.leafHash(
          FuzzSeeds.textLines(FuzzSeeds.EXAMPLE.resolve("entries.jsonl")).get(1).getBytes(UTF_8));

  static Stream<Arguments> signedNoteSeeds() throws Exception {
    // The signed-note golden files: Go's, C2SP's, sum.golang.org's, Sigsum's and their mutations.
    FuzzSeeds seeds = FuzzSeeds.forTarget("signed-note").tree(NOTES);
    for (String name : List.of("checkpoint-2", "checkpoint-3", "receipt-2")) {
      seeds.file(FuzzSeeds.EXAMPLE.resolve(name));
    }
    byte[] cp = FuzzSeeds.read(FuzzSeeds.EXAMPLE.resolve("checkpoint-3"));
    String text = SignedNote.parse(cp).text();
    seeds.add("cosigned checkpoint", SignedNotes.sign(text, LOG, WITNESS));
    seeds.add("witness only", SignedNotes.sign(text, WITNESS));
    return seeds.stream();
  }

  @MethodSource("signedNoteSeeds")
  @FuzzTest
  void signedNote(byte[] input) throws Exception {
    SignedNote note;
    try {
      note = SignedNote.parse(input);
    } catch (NoteFormatException e) {
      try {
        SignedNotes.open(input, LOG_KEY);
        throw new AssertionError("open accepted what parse rejected: " + e.getMessage());
      } catch (NoteFormatException again) {
        assertThat(again.getMessage()).isEqualTo(e.getMessage());
      }
      return;
    }
    assertThat(note.encode()).isEqualTo(input);
    try {
      OpenedNote opened = SignedNotes.open(input, LOG_KEY);
      assertThat(opened.text()).isEqualTo(note.text());
      assertThat(opened.verified()).hasSize(1);
    } catch (InvalidNoteSignatureException | UnverifiedNoteException e) {
      // altered, or not signed by the log
    }
  }

  static Stream<Arguments> checkpointSeeds() throws Exception {
    FuzzSeeds seeds =
        FuzzSeeds.forTarget("checkpoint")
            .file(NOTES.resolve("c2sp/tlog-checkpoint-example.note"))
            .file(NOTES.resolve("c2sp/tlog-cosignature-example.note"))
            .file(NOTES.resolve("sumdb/latest-2024-09-23.note"))
            .tree(NOTES.resolve("saksi/checkpoint"));
    for (String name : List.of("checkpoint-2", "checkpoint-3")) {
      byte[] note = FuzzSeeds.read(FuzzSeeds.EXAMPLE.resolve(name));
      seeds.add(name, note);
      seeds.add(name + " text", SignedNote.parse(note).text());
    }
    seeds.add(
        "extension line",
        "saksi.example/log\n3\nya4ORBEb/BtrNOgTqDIA6AtwqncEcxLkhJTV82Q8r9E=\nx\n");
    return seeds.stream();
  }

  @MethodSource("checkpointSeeds")
  @FuzzTest
  void checkpoint(byte[] input) throws Exception {
    String text = new String(input, UTF_8);
    try {
      assertThat(Checkpoint.parse(text).format()).isEqualTo(text);
    } catch (CheckpointFormatException e) {
      // not a checkpoint text
    }
    try {
      Checkpoints.open(input, LOG_KEY, ORIGIN);
    } catch (NoteFormatException
        | CheckpointFormatException
        | InvalidNoteSignatureException
        | UnverifiedNoteException
        | CheckpointOriginException e) {
      // not a checkpoint the log signed
    }
    if (signable(text)) {
      byte[] signed = SignedNotes.sign(text, LOG);
      try {
        assertThat(Checkpoints.open(signed, LOG_KEY, ORIGIN).format()).isEqualTo(text);
      } catch (CheckpointFormatException | CheckpointOriginException e) {
        // signed, but not a checkpoint of this log
      }
    }
  }

  static Stream<Arguments> receiptSeeds() throws Exception {
    byte[] note = FuzzSeeds.read(FuzzSeeds.EXAMPLE.resolve("receipt-2"));
    return FuzzSeeds.forTarget("receipt")
        .add("receipt-2", note)
        .add("receipt-2 text", SignedNote.parse(note).text())
        .stream();
  }

  @MethodSource("receiptSeeds")
  @FuzzTest
  void receipt(byte[] input) throws Exception {
    String text = new String(input, UTF_8);
    try {
      assertThat(Receipt.parse(text).format()).isEqualTo(text);
    } catch (ParseException e) {
      // not a receipt text
    }
    try {
      Receipts.open(input, LOG_KEY, ORIGIN);
    } catch (ParseException | VerificationException e) {
      // not a receipt the log signed
    }
    if (signable(text)) {
      byte[] signed = SignedNotes.sign(text, LOG);
      try {
        assertThat(Receipts.open(signed, LOG_KEY, ORIGIN).format()).isEqualTo(text);
      } catch (ParseException | VerificationException e) {
        assertThat(e).isNotInstanceOfAny(NoteFormatException.class, UnverifiedNoteException.class);
      }
    }
  }

  static Stream<Arguments> tlogProofSeeds() {
    return FuzzSeeds.forTarget("tlog-proof")
        .file(FuzzSeeds.EXAMPLE.resolve("entry-1.tlog-proof"))
        .file(NOTES.resolve("c2sp/tlog-proof-example.tlog-proof"))
        .tree(NOTES.resolve("saksi/tlog-proof"))
        .stream();
  }

  @MethodSource("tlogProofSeeds")
  @FuzzTest
  void tlogProof(byte[] input) {
    TlogProof proof;
    try {
      proof = TlogProof.parse(input);
    } catch (TlogProofFormatException e) {
      return;
    }
    assertThat(proof.encode()).isEqualTo(input);
    try {
      Checkpoint cp = proof.verify(ENTRY_1, LOG_KEY, ORIGIN);
      assertThat(proof.index()).isLessThan(cp.size());
    } catch (ParseException | VerificationException e) {
      // the log did not sign it, or it does not prove entry 1
    }
  }

  static Stream<Arguments> noteKeySeeds() {
    FuzzSeeds seeds = FuzzSeeds.forTarget("note-key").lines(NOTES.resolve("colliding-keys.vkeys"));
    for (String key :
        List.of(
            "go/EnochRoot.skey",
            "go/EnochRoot.vkey",
            "go/PeterNeumann.skey",
            "go/PeterNeumann.vkey",
            "c2sp/signed-note-example.vkey",
            "sumdb/sum.golang.org.vkey",
            "saksi/log.vkey")) {
      seeds.lines(NOTES.resolve(key));
    }
    return seeds
        .add("log.vkey", FuzzSeeds.textLines(FuzzSeeds.EXAMPLE.resolve("log.vkey")).get(0))
        .add("signer key", LOG.toSignerKeyText())
        .add("witness vkey", WITNESS.verifierKey().encode())
        .stream();
  }

  @MethodSource("noteKeySeeds")
  @FuzzTest
  void noteKey(byte[] input) {
    String text = new String(input, UTF_8);
    try {
      assertThat(NoteVerifierKey.parse(text).encode()).isEqualTo(text);
    } catch (NoteKeyFormatException e) {
      // not a verifier key
    }
    try {
      assertThat(NoteSigner.parse(text).toSignerKeyText()).isEqualTo(text);
    } catch (NoteKeyFormatException e) {
      // not a signer key
    }
  }

  /** Whether {@link SignedNotes#sign} takes {@code text}: the log would sign it. */
  private static boolean signable(String text) {
    if (text.isEmpty() || !text.endsWith("\n") || text.length() > SignedNotes.MAX_NOTE_BYTES / 4) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < 0x20 && text.charAt(i) != '\n') {
        return false;
      }
    }
    return true;
  }
}
