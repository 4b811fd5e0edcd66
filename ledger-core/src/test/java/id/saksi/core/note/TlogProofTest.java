package id.saksi.core.note;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** c2sp.org/tlog-proof@v1 against the spec's example and note/generate.py's vectors. */
class TlogProofTest {
  private static final String ORIGIN = "saksi.example/log";

  private static byte[] proof(String name) {
    return Golden.bytes("note/saksi/tlog-proof/" + name);
  }

  @Test
  void parse_happyPath_readsIndexPathAndCheckpoint() throws Exception {
    TlogProof proof = TlogProof.parse(proof("happy-path.tlog-proof"));
    assertThat(proof.index()).isEqualTo(2);
    assertThat(proof.extra()).isEmpty();
    assertThat(proof.path())
        .extracting(Hash::base64)
        .containsExactly(
            "WL0UluFoSqySAcLmh+565PUclqiw2B7zWDYouT0800U=",
            "/F9riP+FVPdbsvnm85wxsZNtRLaSdu33sSBalVuXYeM=",
            "gxFfiUeVX6/cKifn9MCFS72Nonuxs+NAXbVxya+Nvho=");
    assertThat(proof.signedCheckpoint())
        .isEqualTo(Golden.bytes("note/saksi/checkpoint/happy-path.note"));
    Checkpoint checkpoint = proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN);
    assertThat(checkpoint.size()).isEqualTo(5);
  }

  @Test
  void happyPath_pathIsTheRfc6962InclusionPathOfLeaf2() throws Exception {
    // Recompute the root from "leaf 2" and the path by hand (RFC 9162 2.1.3.2 for index 2 of 5):
    // the path is [leaf 3, hash(leaf 0, leaf 1), leaf 4].
    TlogProof proof = TlogProof.parse(proof("happy-path.tlog-proof"));
    Hash leaf = Hashing.leafHash("leaf 2".getBytes(US_ASCII));
    Hash root =
        Hashing.nodeHash(
            Hashing.nodeHash(proof.path().get(1), Hashing.nodeHash(leaf, proof.path().get(0))),
            proof.path().get(2));
    assertThat(root)
        .isEqualTo(proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN).rootHash());
  }

  @Test
  void verify_happyPath_returnsTheCheckpoint() throws Exception {
    TlogProof proof = TlogProof.parse(proof("happy-path.tlog-proof"));
    Checkpoint cp =
        proof.verify(
            Hashing.leafHash("leaf 2".getBytes(US_ASCII)), CheckpointTest.saksiLogKey(), ORIGIN);
    assertThat(cp.size()).isEqualTo(5);
  }

  @Test
  void verify_singleLeafEmptyPath_passes() throws Exception {
    TlogProof proof = TlogProof.parse(proof("single-leaf-empty-path.tlog-proof"));
    Checkpoint cp = proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN);
    proof.verify(cp.rootHash(), CheckpointTest.saksiLogKey(), ORIGIN);
  }

  @Test
  void verify_otherLeaf_failsWithBothRoots() throws Exception {
    TlogProof proof = TlogProof.parse(proof("happy-path.tlog-proof"));
    Hash root = proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN).rootHash();
    assertThatThrownBy(
            () ->
                proof.verify(
                    Hashing.leafHash("leaf 3".getBytes(US_ASCII)),
                    CheckpointTest.saksiLogKey(),
                    ORIGIN))
        .isInstanceOf(InclusionFailedException.class)
        .hasCauseInstanceOf(id.saksi.core.merkle.RootMismatchException.class)
        .hasMessageStartingWith(
            "the proof does not include the leaf at index 2 in the checkpoint of size 5: ")
        .hasMessageEndingWith(", expected " + root.hex());
  }

  @Test
  void verify_indexBeyondCheckpoint_isOutOfRange() throws Exception {
    TlogProof good = TlogProof.parse(proof("happy-path.tlog-proof"));
    TlogProof moved = TlogProof.of(5, good.path(), good.signedCheckpoint());
    assertThatThrownBy(
            () ->
                moved.verify(
                    Hashing.leafHash("leaf 2".getBytes(US_ASCII)),
                    CheckpointTest.saksiLogKey(),
                    ORIGIN))
        .isInstanceOf(InclusionFailedException.class)
        .hasCauseInstanceOf(id.saksi.core.merkle.IndexOutOfRangeException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "happy-path.tlog-proof",
        "with-extra.tlog-proof",
        "single-leaf-empty-path.tlog-proof",
        "cosigned-checkpoint.tlog-proof",
        "wrong-origin.tlog-proof"
      })
  void encode_parsedProof_isByteIdentical(String name) throws Exception {
    byte[] golden = proof(name);
    TlogProof proof = TlogProof.parse(golden);
    assertThat(proof.encode()).isEqualTo(golden);
    assertThat(TlogProof.parse(proof.encode())).isEqualTo(proof);
  }

  @Test
  void of_fieldsOfTheGoldenProof_encodesTheGoldenBytes() throws Exception {
    TlogProof parsed = TlogProof.parse(proof("with-extra.tlog-proof"));
    TlogProof built =
        TlogProof.withExtra(
            "leaf 2".getBytes(US_ASCII),
            2,
            parsed.path(),
            Checkpoints.sign(
                new Checkpoint(
                    ORIGIN, 5, Hash.fromBase64("NBUVmC1lDiNSDb1U1/zwr6G3DMOhakEdRk3JwayWwwE=")),
                CheckpointTest.saksiLog()));
    assertThat(built.encode()).isEqualTo(proof("with-extra.tlog-proof"));
    assertThat(built.extra())
        .hasValueSatisfying(e -> assertThat(e).isEqualTo("leaf 2".getBytes(US_ASCII)));
  }

  @Test
  void parse_singleLeaf_hasAnEmptyPath() throws Exception {
    TlogProof proof = TlogProof.parse(proof("single-leaf-empty-path.tlog-proof"));
    assertThat(proof.index()).isZero();
    assertThat(proof.path()).isEmpty();
    Checkpoint checkpoint = proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN);
    assertThat(checkpoint.rootHash()).isEqualTo(Hashing.leafHash("leaf 0".getBytes(US_ASCII)));
  }

  @Test
  void openCheckpoint_cosigned_ignoresTheWitness() throws Exception {
    TlogProof proof = TlogProof.parse(proof("cosigned-checkpoint.tlog-proof"));
    assertThat(proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN).size()).isEqualTo(5);
  }

  @Test
  void openCheckpoint_wrongOrigin_isRejected() throws Exception {
    TlogProof proof = TlogProof.parse(proof("wrong-origin.tlog-proof"));
    assertThatThrownBy(() -> proof.openCheckpoint(CheckpointTest.saksiLogKey(), ORIGIN))
        .isInstanceOf(CheckpointOriginException.class)
        .hasMessage(
            "checkpoint is for origin 'saksi.example/other-log', expected 'saksi.example/log'");
  }

  @Test
  void parse_c2spExample_failsOnItsElidedSignatures() throws Exception {
    // The spec's example shortens its signatures with "[...]", so it is not a valid note; the
    // lines before the checkpoint are read fine.
    byte[] example = Golden.bytes("note/c2sp/tlog-proof-example.tlog-proof");
    assertThatThrownBy(() -> TlogProof.parse(example))
        .isInstanceOf(TlogProofFormatException.class)
        .hasMessage(
            "checkpoint (from line 10): signature line 1: signature is not canonical, padded"
                + " base64: 'hI2DJw[...]1roloI='");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          wrong-header.tlog-proof | line 1 must be c2sp.org/tlog-proof@v1, got 'c2sp.org/tlog-proof@v2'
          index-leading-zero.tlog-proof | line 2: index has a leading zero: '02'
          index-negative.tlog-proof | line 2: index must be decimal digits, got '-2'
          index-too-large.tlog-proof | line 2: index is larger than 2^63-1: '9223372036854775808'
          index-missing.tlog-proof | line 2 must be 'index <decimal>', got 'WL0UluFoSqySAcLmh+565PUclqiw2B7zWDYouT0800U='
          extra-empty.tlog-proof | line 2: extra line has no data (omit the line instead)
          extra-not-base64.tlog-proof | line 2: extra data is not canonical, padded base64
          extra-after-index.tlog-proof | line 3: inclusion path hash: a hash in base64 is 44 characters (32 bytes, padded), got 14
          path-hash-unpadded.tlog-proof | line 3: inclusion path hash: a hash in base64 is 44 characters (32 bytes, padded), got 43
          path-hash-31-bytes.tlog-proof | line 3: inclusion path hash: a hash in base64 must be the canonical encoding of 32 bytes
          too-many-path-hashes.tlog-proof | line 66: more than 63 inclusion path hashes
          missing-blank-line.tlog-proof | line 6: inclusion path hash: a hash in base64 is 44 characters (32 bytes, padded), got 17
          no-checkpoint.tlog-proof | proof has no checkpoint after the blank line on line 6
          unsigned-checkpoint.tlog-proof | checkpoint (from line 7): note has no blank line between its text and its signatures
          crlf-line-ends.tlog-proof | line 1 has byte 0x0d; lines before the checkpoint are printable ASCII
          """)
  void parse_mutation_isAFormatErrorNamingTheLine(String file, String message) {
    byte[] bytes = proof(file);
    assertThatThrownBy(() -> TlogProof.parse(bytes))
        .isInstanceOf(TlogProofFormatException.class)
        .hasMessage(message);
  }

  @Test
  void parse_truncated_saysWhereItEnds() {
    assertThatThrownBy(() -> TlogProof.parse("c2sp.org/tlog-proof@v1".getBytes(US_ASCII)))
        .isInstanceOf(TlogProofFormatException.class)
        .hasMessage("line 1 does not end with a newline");
    assertThatThrownBy(() -> TlogProof.parse("c2sp.org/tlog-proof@v1\n".getBytes(US_ASCII)))
        .isInstanceOf(TlogProofFormatException.class)
        .hasMessage("proof ends before line 2: no blank line and checkpoint");
    assertThatThrownBy(() -> TlogProof.parse(new byte[0]))
        .isInstanceOf(TlogProofFormatException.class)
        .hasMessage("proof ends before line 1: no blank line and checkpoint");
  }

  @Test
  void of_badArguments_areProgrammingErrors() {
    byte[] checkpoint = Golden.bytes("note/saksi/checkpoint/happy-path.note");
    assertThatThrownBy(() -> TlogProof.of(-1, List.of(), checkpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index must not be negative, got -1");
    List<Hash> tooLong = new ArrayList<>(Collections.nCopies(64, Hash.ZERO));
    assertThatThrownBy(() -> TlogProof.of(0, tooLong, checkpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an inclusion path has at most 63 hashes, got 64");
    assertThatThrownBy(() -> TlogProof.of(0, List.of(), "x\n".getBytes(US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a signed note: note has no blank line between its text and its signatures");
    assertThatThrownBy(() -> TlogProof.withExtra(new byte[0], 0, List.of(), checkpoint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extra data must be 1 to 65536 bytes, got 0");
  }
}
