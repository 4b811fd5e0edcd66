package id.saksi.core.note;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PrivateKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signed notes against golang.org/x/mod/sumdb/note's published vectors (note/go) and the examples
 * of c2sp.org/signed-note (note/c2sp). See note/README.md for where each file came from.
 */
class SignedNotesTest {
  private static final String TEXT = Golden.text("note/go/text");
  private static final String PETER_LINE =
      "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKv"
          + "qfqdngotpRZb6KE6RyyBwJnAM=";
  private static final String ENOCH_LINE =
      "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01o"
          + "OTGwnWLox33WWd1RvMc+QQ=";

  private static NoteVerifierKey peter() throws NoteKeyFormatException {
    return NoteVerifierKey.parse(Golden.text("note/go/PeterNeumann.vkey").strip());
  }

  private static NoteVerifierKey enoch() throws NoteKeyFormatException {
    return NoteVerifierKey.parse(Golden.text("note/go/EnochRoot.vkey").strip());
  }

  private static NoteSigner peterSigner() throws NoteKeyFormatException {
    return NoteSigner.parse(Golden.text("note/go/PeterNeumann.skey").strip());
  }

  private static NoteSigner enochSigner() throws NoteKeyFormatException {
    return NoteSigner.parse(Golden.text("note/go/EnochRoot.skey").strip());
  }

  private static byte[] go(String name) {
    return Golden.bytes("note/go/" + name);
  }

  @Test
  void sign_goTestVector_isByteIdenticalToGo() throws Exception {
    assertThat(SignedNotes.sign(TEXT, peterSigner())).isEqualTo(go("signed-by-peter.note"));
  }

  @Test
  void sign_twoSigners_isByteIdenticalToGoAddingASignature() throws Exception {
    assertThat(SignedNotes.sign(TEXT, peterSigner(), enochSigner()))
        .isEqualTo(go("signed-by-peter-and-enoch.note"));
  }

  @Test
  void open_signedByGo_verifiesWithTheGoKey() throws Exception {
    OpenedNote note = SignedNotes.open(go("signed-by-peter.note"), peter());
    assertThat(note.text()).isEqualTo(TEXT);
    assertThat(note.verified()).extracting(NoteSignature::line).containsExactly(PETER_LINE);
    assertThat(note.unverified()).isEmpty();
  }

  @Test
  void open_oneTrustedOneUnknown_verifiesOneAndIgnoresTheOther() throws Exception {
    OpenedNote note = SignedNotes.open(go("signed-by-peter-and-enoch.note"), peter());
    assertThat(note.verified()).extracting(NoteSignature::line).containsExactly(PETER_LINE);
    assertThat(note.unverified()).extracting(NoteSignature::line).containsExactly(ENOCH_LINE);
  }

  @Test
  void open_bothTrusted_verifiesBoth() throws Exception {
    OpenedNote note = SignedNotes.open(go("signed-by-peter-and-enoch.note"), peter(), enoch());
    assertThat(note.verified())
        .extracting(NoteSignature::line)
        .containsExactly(PETER_LINE, ENOCH_LINE);
    assertThat(note.unverified()).isEmpty();
  }

  @Test
  void open_duplicatedSignatures_countsEachKeyOnce() throws Exception {
    OpenedNote note = SignedNotes.open(go("duplicated-signatures.note"), peter());
    assertThat(note.verified())
        .extracting(NoteSignature::keyRef)
        .containsExactly("PeterNeumann+c74f20a3");
    assertThat(note.unverified())
        .extracting(NoteSignature::keyRef)
        .containsExactly("EnochRoot+af0cfe78", "EnochRoot+af0cfe78");
  }

  @Test
  void open_duplicatedSignaturesWithTheBadOneTrusted_isRejected() {
    // Go checks only the first line per key and would accept this; we check every line.
    assertThatThrownBy(() -> SignedNotes.open(go("duplicated-signatures.note"), enoch()))
        .isInstanceOf(InvalidNoteSignatureException.class)
        .hasMessage(
            "invalid signature for key EnochRoot+af0cfe78: an Ed25519 signature is 64 bytes,"
                + " got 67");
  }

  @Test
  void open_validLineRepeatedToTheLimit_isVerifiedOnce() throws Exception {
    // Each identical line is checked once (ParserScalingBenchmark: a 1 MiB note with its valid
    // line 100 times cost 100 verifications of the whole text before).
    byte[] one = SignedNotes.sign(TEXT, peterSigner());
    String line = new String(one, UTF_8).substring(TEXT.length() + 1);
    byte[] note = (TEXT + "\n" + line.repeat(SignedNotes.MAX_SIGNATURES)).getBytes(UTF_8);
    OpenedNote opened = SignedNotes.open(note, peter());
    assertThat(opened.verified())
        .extracting(NoteSignature::keyRef)
        .containsExactly("PeterNeumann+c74f20a3");
    assertThat(opened.unverified()).isEmpty();
  }

  @Test
  void open_validLineRepeatedThenAlteredCopy_isRejected() throws Exception {
    byte[] one = SignedNotes.sign(TEXT, peterSigner());
    String line = new String(one, UTF_8).substring(TEXT.length() + 1);
    int mid = line.length() / 2; // inside the base64, where any letter is canonical
    String altered =
        line.substring(0, mid) + (line.charAt(mid) == 'A' ? 'B' : 'A') + line.substring(mid + 1);
    byte[] note = (TEXT + "\n" + line + line + altered).getBytes(UTF_8);
    assertThatThrownBy(() -> SignedNotes.open(note, peter()))
        .isInstanceOf(InvalidNoteSignatureException.class);
  }

  @Test
  void open_maxSignatures_isAccepted() throws Exception {
    OpenedNote note = SignedNotes.open(go("max-signatures.note"), peter());
    assertThat(note.verified()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          too-many-signatures.note | note has 101 signature lines, more than the limit of 100
          no-blank-line.note | note has no blank line between its text and its signatures
          no-signatures.note | note has no signature lines after its last blank line
          missing-final-newline.note | note's last signature line does not end with a newline
          control-character.note | note has control character U+0001 on line 1
          carriage-return.note | note has control character U+000D on line 1
          invalid-utf8.note | note is not valid UTF-8 at byte offset 0
          bad-key-name-with-space.note | signature line 1: signature is not canonical, padded base64: 'Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotp'... (97 characters)
          bad-key-name-with-plus.note | signature line 1: key name 'Peter+Neumann' contains a plus (U+002B)
          bad-key-name-with-nbsp.note | signature line 1: key name 'Peter\u00a0Neumann' contains a space U+00A0
          unexpected-line-after-signatures.note | signature line 2 does not start with an em dash (U+2014) and a space: 'Unexpected line.'
          hyphen-instead-of-em-dash.note | signature line 1 does not start with an em dash (U+2014) and a space: '- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgK'... (107 characters)
          signature-too-short.note | signature line 1: signature is 4 bytes, expected a 4-byte key id and at least one byte of signature
          signature-not-canonical-base64.note | signature line 1: signature is not canonical, padded base64: 'x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6K'... (92 characters)
          """)
  void open_malformedNote_isAFormatErrorSayingWhatIsWrong(String file, String message) {
    byte[] note = go(file);
    assertThatThrownBy(() -> SignedNotes.open(note, peter()))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(message.replace("\\u00a0", "\u00a0"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          invalid-signature.note | invalid signature for key PeterNeumann+c74f20a3: an Ed25519 signature is 64 bytes, got 67
          bad-signature.note | invalid signature for key PeterNeumann+c74f20a3: the signature does not verify over the note text
          text-altered.note | invalid signature for key PeterNeumann+c74f20a3: the signature does not verify over the note text
          """)
  void open_badSignatureByTrustedKey_rejectsTheNote(String file, String message) {
    byte[] note = go(file);
    assertThatThrownBy(() -> SignedNotes.open(note, peter()))
        .isInstanceOf(InvalidNoteSignatureException.class)
        .hasMessage(message)
        .satisfies(
            e -> {
              InvalidNoteSignatureException ex = (InvalidNoteSignatureException) e;
              assertThat(ex.keyName()).isEqualTo("PeterNeumann");
              assertThat(ex.keyId()).isEqualTo(new KeyId(0xc74f20a3));
            });
  }

  @Test
  void open_wrongKey_isUnverified() {
    assertThatThrownBy(() -> SignedNotes.open(go("signed-by-peter.note"), enoch()))
        .isInstanceOf(UnverifiedNoteException.class)
        .hasMessage(
            "note has no verifiable signatures: signed by PeterNeumann+c74f20a3; trusted keys"
                + " are EnochRoot+af0cfe78");
  }

  @Test
  void open_noTrustedKeys_isUnverifiedListingTheSigners() {
    assertThatThrownBy(() -> SignedNotes.open(go("signed-by-peter-and-enoch.note"), List.of()))
        .isInstanceOf(UnverifiedNoteException.class)
        .hasMessage(
            "note has no verifiable signatures: signed by PeterNeumann+c74f20a3,"
                + " EnochRoot+af0cfe78; trusted keys are none")
        .satisfies(
            e ->
                assertThat(((UnverifiedNoteException) e).signedBy())
                    .containsExactly("PeterNeumann+c74f20a3", "EnochRoot+af0cfe78"));
  }

  @Test
  void open_sameNameOtherKeyId_isAnUnknownKeyAndIgnored() {
    assertThatThrownBy(() -> SignedNotes.open(go("same-name-other-key-id.note"), peter()))
        .isInstanceOf(UnverifiedNoteException.class)
        .hasMessage(
            "note has no verifiable signatures: signed by PeterNeumann+af0cfe78; trusted keys"
                + " are PeterNeumann+c74f20a3");
  }

  @Test
  void open_sameKeyIdOtherName_isAnUnknownKeyAndIgnored() {
    assertThatThrownBy(() -> SignedNotes.open(go("same-key-id-other-name.note"), peter()))
        .isInstanceOf(UnverifiedNoteException.class)
        .hasMessage(
            "note has no verifiable signatures: signed by CarmenSandiego+c74f20a3; trusted keys"
                + " are PeterNeumann+c74f20a3");
  }

  @Test
  void open_signatureMovedIntoText_isTextAndNotASignature() throws Exception {
    // The last blank line separates text from signatures: Peter's line above it is text.
    byte[] note = go("signature-moved-into-text.note");
    assertThatThrownBy(() -> SignedNotes.open(note, peter()))
        .isInstanceOf(UnverifiedNoteException.class)
        .hasMessage(
            "note has no verifiable signatures: signed by EnochRoot+af0cfe78; trusted keys are"
                + " PeterNeumann+c74f20a3");
    assertThatThrownBy(() -> SignedNotes.open(note, peter(), enoch()))
        .isInstanceOf(InvalidNoteSignatureException.class)
        .hasMessage(
            "invalid signature for key EnochRoot+af0cfe78: the signature does not verify over the"
                + " note text");
    assertThat(SignedNote.parse(note).text()).isEqualTo(TEXT + "\n" + PETER_LINE + "\n");
  }

  @Test
  void open_c2spSignedNoteExample_verifiesWithTheSpecKey() throws Exception {
    NoteVerifierKey key =
        NoteVerifierKey.parse(Golden.text("note/c2sp/signed-note-example.vkey").strip());
    OpenedNote note = SignedNotes.open(Golden.bytes("note/c2sp/signed-note-example.note"), key);
    assertThat(note.text()).isEqualTo("This is an example message.\n");
    assertThat(note.verified())
        .extracting(NoteSignature::keyRef)
        .containsExactly("example.com/foo+530d903a");
  }

  @Test
  void parse_c2spIntroExample_keepsTheBlankLineInTheText() throws Exception {
    SignedNote note = SignedNote.parse(Golden.bytes("note/c2sp/signed-note-intro.note"));
    assertThat(note.text())
        .isEqualTo(
            "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\n"
                + "ed \u00e8 subito sera.\n");
    assertThat(note.signatures())
        .extracting(NoteSignature::keyName)
        .containsExactly("quasimodo.example/salvatore");
    assertThat(note.encode()).isEqualTo(Golden.bytes("note/c2sp/signed-note-intro.note"));
  }

  @Test
  void sign_textEndingInABlankLine_opensToTheSameText() throws Exception {
    String text = "first\n\n";
    byte[] note = SignedNotes.sign(text, peterSigner());
    assertThat(SignedNotes.open(note, peter()).text()).isEqualTo(text);
  }

  @Test
  void sign_unicodeText_signsItsUtf8() throws Exception {
    String text = "Netralitas ASN \u2014 Pemilu 2029 \u2713\n";
    byte[] note = SignedNotes.sign(text, peterSigner());
    OpenedNote opened = SignedNotes.open(note, peter());
    assertThat(opened.text()).isEqualTo(text);
    assertThat(peter().publicKey())
        .satisfies(
            k ->
                k.verify(
                    text.getBytes(UTF_8),
                    id.saksi.core.crypto.Ed25519Signature.of(
                        opened.verified().get(0).signature())));
  }

  @Test
  void sign_invalidText_isAProgrammingError() throws Exception {
    NoteSigner signer = peterSigner();
    assertThatThrownBy(() -> SignedNotes.sign("abc", signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note text does not end with a newline");
    assertThatThrownBy(() -> SignedNotes.sign("", signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note text is empty");
    assertThatThrownBy(() -> SignedNotes.sign("a\tb\n", signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note text has control character U+0009 on line 1");
    assertThatThrownBy(() -> SignedNotes.sign("a\ud800\n", signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("note text is not valid Unicode (lone surrogate)");
    assertThatThrownBy(() -> SignedNotes.sign("a\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a note needs 1 to 100 signers, got 0");
    assertThatThrownBy(() -> SignedNotes.sign("a\n", signer, signer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two signers are the same key PeterNeumann+c74f20a3");
  }

  @Test
  void open_twoDifferentTrustedKeysWithOneNameAndId_isAmbiguous() throws Exception {
    // A real collision of name and 32-bit key id, found by a birthday search (note/README.md).
    String[] lines = Golden.text("note/colliding-keys.vkeys").split("\n");
    NoteVerifierKey first = NoteVerifierKey.parse(lines[0]);
    NoteVerifierKey second = NoteVerifierKey.parse(lines[1]);
    assertThat(first.keyRef()).isEqualTo(second.keyRef());
    assertThat(first).isNotEqualTo(second);
    assertThatThrownBy(
            () -> SignedNotes.open(go("signed-by-peter.note"), List.of(peter(), first, second)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "ambiguous trusted keys: two different keys are named collision.example+0c7066b4");
    // The same key listed twice is not ambiguous.
    assertThat(SignedNotes.open(go("signed-by-peter.note"), List.of(peter(), peter())).verified())
        .hasSize(1);
  }

  @Test
  void sign_thenParse_roundTripsAndEncodesTheSameBytes() throws Exception {
    List<NoteSigner> signers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) i;
      signers.add(NoteSigner.of("witness.example/w" + i, Ed25519PrivateKey.fromSeed(seed)));
    }
    byte[] note =
        SignedNotes.sign(
            "saksi.example/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", signers);
    assertThat(SignedNote.parse(note).encode()).isEqualTo(note);
    List<NoteVerifierKey> keys = new ArrayList<>();
    signers.forEach(s -> keys.add(s.verifierKey()));
    assertThat(SignedNotes.open(note, keys).verified()).hasSize(16);
  }
}
