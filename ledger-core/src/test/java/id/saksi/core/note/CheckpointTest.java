package id.saksi.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoints against the c2sp.org/tlog-checkpoint examples, a real sum.golang.org checkpoint, a
 * sigsum-go test vector, and our own vectors made by note/generate.py (an independent Python
 * implementation). See note/README.md.
 */
class CheckpointTest {
  private static final String ORIGIN = "saksi.example/log";

  /** The RFC 8410 section 10.3 example key, named as our test log. */
  static NoteSigner saksiLog() {
    return NoteSigner.of(
        ORIGIN,
        Ed25519PrivateKey.fromSeed(
            HexFormat.of()
                .parseHex("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842")));
  }

  static NoteVerifierKey saksiLogKey() throws NoteKeyFormatException {
    return NoteVerifierKey.parse(Golden.text("note/saksi/log.vkey").strip());
  }

  private static byte[] saksi(String name) {
    return Golden.bytes("note/saksi/checkpoint/" + name);
  }

  @Test
  void saksiLogKey_isTheRfc8410KeyNamedAfterTheOrigin() throws Exception {
    assertThat(saksiLog().verifierKey()).isEqualTo(saksiLogKey());
    assertThat(saksiLogKey().encode())
        .isEqualTo("saksi.example/log+682fd1bf+ARm/RAlphM3+hUG6wWfcO5bIUIaqMLa2ywxcOK1wMWbh");
  }

  @Test
  void sign_isByteIdenticalToTheIndependentPythonImplementation() throws Exception {
    byte[] golden = saksi("happy-path.note");
    Checkpoint checkpoint = Checkpoints.open(golden, saksiLogKey(), ORIGIN);
    assertThat(Checkpoints.sign(checkpoint, saksiLog())).isEqualTo(golden);
    assertThat(checkpoint.size()).isEqualTo(5);
    assertThat(checkpoint.rootHash().base64())
        .isEqualTo("NBUVmC1lDiNSDb1U1/zwr6G3DMOhakEdRk3JwayWwwE=");
    assertThat(checkpoint.extensions()).isEmpty();
  }

  @Test
  void open_realSumGolangOrgCheckpoint_verifiesWithTheGoToolchainKey() throws Exception {
    NoteVerifierKey key =
        NoteVerifierKey.parse(Golden.text("note/sumdb/sum.golang.org.vkey").strip());
    Checkpoint checkpoint =
        Checkpoints.open(
            Golden.bytes("note/sumdb/latest-2024-09-23.note"), key, "go.sum database tree");
    assertThat(checkpoint)
        .isEqualTo(
            new Checkpoint(
                "go.sum database tree",
                30055305,
                Hash.fromBase64("mXfgRcJ0bG0j3CPdKwgGWtUzBUbX67saZGRmFuJGGsM=")));
  }

  @Test
  void sign_sigsumTestVector_isByteIdenticalToSigsumGo() throws Exception {
    // sigsum-go signs with the key whose seed is 17 followed by 31 zero bytes; the origin and key
    // name is "sigsum.org/v1/tree/" + hex(SHA-256(public key)).
    byte[] seed = new byte[32];
    seed[0] = 17;
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(seed);
    String origin = "sigsum.org/v1/tree/" + Hashing.sha256(key.publicKey().bytes()).hex();
    byte[] golden = Golden.bytes("note/sigsum/checkpoint-key-17.note");
    NoteSigner signer = NoteSigner.of(origin, key);
    Checkpoint checkpoint = Checkpoints.open(golden, signer.verifierKey(), origin);
    assertThat(checkpoint.size()).isEqualTo(10);
    assertThat(Checkpoints.sign(checkpoint, signer)).isEqualTo(golden);
  }

  @Test
  void parse_c2spExamples_readTheFields() throws Exception {
    for (String name : new String[] {"tlog-checkpoint-example", "tlog-cosignature-example"}) {
      SignedNote note = SignedNote.parse(Golden.bytes("note/c2sp/" + name + ".note"));
      Checkpoint checkpoint = Checkpoint.parse(note.text());
      assertThat(checkpoint)
          .isEqualTo(
              new Checkpoint(
                  "example.com/behind-the-sofa",
                  20852163,
                  Hash.fromBase64("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")));
      assertThat(checkpoint.format()).isEqualTo(note.text());
    }
  }

  @Test
  void open_cosignedCheckpoint_ignoresTheWitnessCosignature() throws Exception {
    Checkpoint checkpoint = Checkpoints.open(saksi("cosigned.note"), saksiLogKey(), ORIGIN);
    assertThat(checkpoint.size()).isEqualTo(5);
    OpenedNote note = SignedNotes.open(saksi("cosigned.note"), saksiLogKey());
    assertThat(note.unverified())
        .extracting(NoteSignature::keyName)
        .containsExactly("witness.example/w1");
    // Ed25519 cosignatures (c2sp.org/tlog-cosignature) are 8 bytes of timestamp + 64 of signature.
    assertThat(note.unverified().get(0).signature()).hasSize(72);
  }

  @Test
  void open_extensionLine_isKeptAndFormattedBack() throws Exception {
    Checkpoint checkpoint =
        Checkpoints.open(saksi("with-extension-line.note"), saksiLogKey(), ORIGIN);
    assertThat(checkpoint.extensions()).containsExactly("extension: opaque");
    assertThat(Checkpoints.sign(checkpoint, saksiLog()))
        .isEqualTo(saksi("with-extension-line.note"));
  }

  @Test
  void open_sizeBounds_areZeroAndTwoToThe63MinusOne() throws Exception {
    Checkpoint empty = Checkpoints.open(saksi("size-zero.note"), saksiLogKey(), ORIGIN);
    assertThat(empty.size()).isZero();
    assertThat(empty.rootHash()).isEqualTo(Hashing.emptyRoot());
    assertThat(Checkpoints.open(saksi("size-max.note"), saksiLogKey(), ORIGIN).size())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void open_wrongOrigin_isRejectedWithBothOrigins() {
    assertThatThrownBy(() -> Checkpoints.open(saksi("wrong-origin.note"), saksiLogKey(), ORIGIN))
        .isInstanceOf(CheckpointOriginException.class)
        .hasMessage(
            "checkpoint is for origin 'saksi.example/other-log', expected 'saksi.example/log'")
        .satisfies(
            e -> {
              assertThat(((CheckpointOriginException) e).expected()).isEqualTo(ORIGIN);
              assertThat(((CheckpointOriginException) e).actual())
                  .isEqualTo("saksi.example/other-log");
            });
  }

  @Test
  void open_badSignature_isRejected() {
    assertThatThrownBy(() -> Checkpoints.open(saksi("bad-signature.note"), saksiLogKey(), ORIGIN))
        .isInstanceOf(InvalidNoteSignatureException.class)
        .hasMessage(
            "invalid signature for key saksi.example/log+682fd1bf: the signature does not verify"
                + " over the note text");
  }

  @Test
  void open_unknownKeyOnly_isUnverified() {
    assertThatThrownBy(
            () -> Checkpoints.open(saksi("unknown-key-only.note"), saksiLogKey(), ORIGIN))
        .isInstanceOf(UnverifiedNoteException.class)
        .hasMessage(
            "note has no verifiable signatures: signed by saksi.example/stranger+c8c96653;"
                + " trusted keys are saksi.example/log+682fd1bf");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          size-too-large.note | checkpoint tree size is larger than 2^63-1: '9223372036854775808'
          size-leading-zero.note | checkpoint tree size has a leading zero: '05'
          size-negative.note | checkpoint tree size must be decimal digits, got '-5'
          size-plus-sign.note | checkpoint tree size must be decimal digits, got '+5'
          size-trailing-space.note | checkpoint tree size must be decimal digits, got '5 '
          root-unpadded.note | checkpoint root hash: a hash in base64 is 44 characters (32 bytes, padded), got 43
          root-31-bytes.note | checkpoint root hash: a hash in base64 must be the canonical encoding of 32 bytes
          root-not-base64.note | checkpoint root hash: a hash in base64 is not valid base64: Illegal base64 character 21
          missing-root.note | checkpoint has 2 lines, expected at least 3 (origin, tree size, root hash)
          empty-extension-line.note | checkpoint line 4 is empty
          """)
  void open_signedButMalformedCheckpoint_isAFormatError(String file, String message) {
    byte[] note = saksi(file);
    assertThatThrownBy(() -> Checkpoints.open(note, saksiLogKey(), ORIGIN))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage(message);
  }

  @Test
  void parse_textRules_areEnforced() {
    assertThatThrownBy(() -> Checkpoint.parse("a\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage("checkpoint text does not end with a newline");
    assertThatThrownBy(
            () -> Checkpoint.parse("\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage("checkpoint line 1 is empty");
    assertThatThrownBy(
            () -> Checkpoint.parse("a\n\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"))
        .isInstanceOf(CheckpointFormatException.class)
        .hasMessage("checkpoint line 2 is empty");
  }

  @Test
  void constructor_badFields_areProgrammingErrors() {
    Hash root = Hashing.emptyRoot();
    assertThatThrownBy(() -> new Checkpoint("", 0, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin must not be empty");
    assertThatThrownBy(() -> new Checkpoint("a\nb", 0, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin must not contain control character U+000A");
    assertThatThrownBy(() -> new Checkpoint("a", -1, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size must not be negative, got -1");
    assertThatThrownBy(() -> new Checkpoint("a", 1, root, List.of("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extension line must not be empty");
  }

  @Test
  void format_isOriginSizeRootEachOnItsLine() {
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 0, Hashing.emptyRoot());
    assertThat(checkpoint.format())
        .isEqualTo("saksi.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
  }
}
