package id.saksi.core.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.testing.SignedLedgerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle whose member data is damaged below the level of sizes and CRCs (a local header, the
 * deflate stream) is refused as a damaged bundle, not reported as an I/O error of the disk: found
 * by ExportFuzzTest (reproducer src/test/resources/fuzz/export/crash-damaged-local-header).
 */
class DamagedZipTest {
  @TempDir Path dir;

  @Test
  void open_localHeaderSignatureDamaged_isRefusedAsDamaged() throws Exception {
    byte[] zip = SignedLedgerBuilder.small().export();
    zip[2] = 0; // "PK\3\4" of the first local header, the central directory left as it was
    Path file = Files.write(dir.resolve("bundle.zip"), zip);

    assertThatThrownBy(() -> ExportReader.open(file))
        .isExactlyInstanceOf(ExportFormatException.class)
        .hasMessage(
            "log.vkey: the ZIP data is damaged (ZipFile invalid LOC header (bad signature))");
  }

  @Test
  void entries_deflateStreamDamaged_isRefusedAsDamaged() throws Exception {
    byte[] zip = SignedLedgerBuilder.small().export();
    // The entries member's data starts after its local header (30 bytes + the name).
    int at = indexOf(zip, "entries.jsonl".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (int i = at + 13; i < at + 13 + 40; i++) {
      zip[i] = (byte) 0xFF;
    }
    Path file = Files.write(dir.resolve("bundle.zip"), zip);

    assertThatThrownBy(
            () -> {
              try (ExportReader r = ExportReader.open(file);
                  LineReader lines = r.entries()) {
                while (lines.next() != null) {
                  // read to the end
                }
              }
            })
        .isInstanceOf(ExportFormatException.class)
        .hasMessageStartingWith("entries.jsonl: ");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
