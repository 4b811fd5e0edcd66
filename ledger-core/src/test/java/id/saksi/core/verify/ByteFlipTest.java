package id.saksi.core.verify;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flipping any single byte of any entry of a small export (five entries, about 3,000 bytes, LF
 * included) is caught, and at that entry; the one exception is the entry's {@code recordedAt},
 * which the ledger adds and no agency signs: it is caught by the next entry's link, or for the last
 * entry by the Merkle root.
 */
class ByteFlipTest {
  @TempDir Path dir;

  @Test
  void flipAnyByteOfAnyEntry_isCaughtAtThatEntry() throws Exception {
    SignedLedgerBuilder ledger = SignedLedgerBuilder.small();
    BundleEditor honest = BundleEditor.of(ledger.export());
    List<byte[]> lines = honest.lines();
    VerifyOptions options = VerifyOptions.of(ledger.logKey()).withThreads(1);
    Path file = dir.resolve("flipped.zip");
    int flips = 0;
    List<String> wrong = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      byte[] line = lines.get(k);
      int[] recordedAt = valueRange(line, "\"recordedAt\":\"");
      for (int b = 0; b <= line.length; b++) {
        List<byte[]> mutated = new ArrayList<>(lines);
        if (b < line.length) {
          byte[] m = line.clone();
          m[b] ^= 0x01;
          mutated.set(k, m);
        } else {
          // The LF becomes a vertical tab: the line runs into the next one.
          byte[] m = Arrays.copyOf(line, line.length + 1);
          m[line.length] = '\n' ^ 0x01;
          if (k + 1 < lines.size()) {
            m = concat(m, mutated.remove(k + 1));
          }
          mutated.set(k, m);
        }
        honest.copy().lines(mutated).write(file);
        VerificationReport r = ExportVerifier.verify(file, options);
        flips++;
        String what = "line " + k + " byte " + b;
        if (r.failures().isEmpty()) {
          wrong.add(what + " not caught");
          continue;
        }
        Failure f = r.failures().get(0);
        boolean envelope = b >= recordedAt[0] && b < recordedAt[1];
        boolean expected = f.index().isPresent() && f.index().getAsLong() == k;
        if (envelope && !expected) {
          expected =
              k + 1 < lines.size()
                  ? f.check() == Check.CHAIN && f.index().getAsLong() == k + 1
                  : f.check() == Check.TREE && f.index().isEmpty();
        }
        if (!expected) {
          wrong.add(what + " reported as " + f);
        }
      }
    }
    assertThat(wrong).as("of %d flips", flips).isEmpty();
    assertThat(flips).isEqualTo(lines.stream().mapToInt(l -> l.length + 1).sum());
  }

  /** The range of the string value that follows {@code prefix} in {@code line}. */
  private static int[] valueRange(byte[] line, String prefix) {
    String s = new String(line, UTF_8);
    int start = s.indexOf(prefix) + prefix.length();
    return new int[] {start, s.indexOf('"', start)};
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
