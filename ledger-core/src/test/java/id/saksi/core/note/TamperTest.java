package id.saksi.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every single-bit change to a signed checkpoint or proof is refused, and malformed input of any
 * shape only ever raises the declared exceptions (a parse or a verification failure).
 */
class TamperTest {
  private static final String ORIGIN = "saksi.example/log";

  @Test
  void open_everySingleBitFlipOfASignedCheckpoint_fails() throws Exception {
    byte[] note = Golden.bytes("note/saksi/checkpoint/happy-path.note");
    NoteVerifierKey key = CheckpointTest.saksiLogKey();
    Checkpoints.open(note, key, ORIGIN);
    int failures = 0;
    for (int bit = 0; bit < note.length * 8; bit++) {
      byte[] tampered = note.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        Checkpoints.open(tampered, key, ORIGIN);
      } catch (ParseException | VerificationException e) {
        failures++;
      }
    }
    assertThat(failures).isEqualTo(note.length * 8);
  }

  @Test
  void parse_everySingleBitFlipOfAProof_failsOrChangesWhatItSays() throws Exception {
    byte[] golden = Golden.bytes("note/saksi/tlog-proof/happy-path.tlog-proof");
    TlogProof original = TlogProof.parse(golden);
    NoteVerifierKey key = CheckpointTest.saksiLogKey();
    for (int bit = 0; bit < golden.length * 8; bit++) {
      byte[] tampered = golden.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        TlogProof proof = TlogProof.parse(tampered);
        proof.openCheckpoint(key, ORIGIN);
        // What survives parsing and the signature is an index or path hash change, which the
        // inclusion check then refuses: it must differ from the original.
        assertThat(proof).as("bit %d", bit).isNotEqualTo(original);
        assertThat(proof.signedCheckpoint()).isEqualTo(original.signedCheckpoint());
      } catch (ParseException | VerificationException e) {
        // refused
      }
    }
  }

  @Test
  void parsers_randomMutations_onlyRaiseDeclaredExceptions() {
    Random random = new Random(20290214L);
    byte[][] seeds = {
      Golden.bytes("note/saksi/checkpoint/cosigned.note"),
      Golden.bytes("note/saksi/tlog-proof/with-extra.tlog-proof"),
      Golden.bytes("note/go/signed-by-peter-and-enoch.note"),
    };
    for (int round = 0; round < 1500; round++) {
      byte[] seed = seeds[round % seeds.length];
      byte[] input = mutate(seed, random);
      assertThatCode(
              () -> {
                try {
                  SignedNotes.open(input, CheckpointTest.saksiLogKey());
                } catch (ParseException | VerificationException e) {
                  // declared
                }
                try {
                  TlogProof.parse(input);
                } catch (ParseException e) {
                  // declared
                }
                try {
                  Checkpoint.parse(new String(input, java.nio.charset.StandardCharsets.UTF_8));
                } catch (ParseException e) {
                  // declared
                }
                try {
                  NoteVerifierKey.parse(
                      new String(input, java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (ParseException e) {
                  // declared
                }
              })
          .as("round %d", round)
          .doesNotThrowAnyException();
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    switch (random.nextInt(4)) {
      case 0:
        return Arrays.copyOf(b, random.nextInt(b.length + 1));
      case 1:
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      case 2:
        int at = random.nextInt(b.length);
        byte[] longer = new byte[b.length + 1];
        System.arraycopy(b, 0, longer, 0, at);
        longer[at] =
            "\n \u0000=+-".getBytes(java.nio.charset.StandardCharsets.UTF_8)[random.nextInt(6)];
        System.arraycopy(b, at, longer, at + 1, b.length - at);
        return longer;
      default:
        int cut = random.nextInt(b.length);
        byte[] shorter = new byte[b.length - 1];
        System.arraycopy(b, 0, shorter, 0, cut);
        System.arraycopy(b, cut + 1, shorter, cut, b.length - cut - 1);
        return shorter;
    }
  }
}
