package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.entry.Entry;
import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader refuses hostile bundles with a {@link ExportFormatException} subclass that names the
 * member and the defence: path tricks, repeats, unknown members, zip bombs, over-long lines,
 * malformed text, damaged data. Each bundle is built here from an honest one.
 */
class HostileBundleTest {
  private static byte[] honest;

  @TempDir Path dir;

  @BeforeAll
  static void build() {
    honest = SignedLedgerBuilder.small().export();
  }

  private Path file(byte[] zip) throws Exception {
    return Files.write(dir.resolve("bundle.zip"), zip);
  }

  private ExportReader open(byte[] zip) throws Exception {
    return ExportReader.open(file(zip));
  }

  @Test
  void open_honestBundle_readsEveryMember() throws Exception {
    try (ExportReader r = open(honest)) {
      assertThat(r.memberNames())
          .containsExactly(
              "log.vkey", "checkpoint", "entries.jsonl", "README.txt", "manifest.json");
      assertThat(r.actualMembers()).isEqualTo(r.manifest().members());
    }
  }

  @Test
  void open_missingFile_isNoSuchFile() {
    assertThatThrownBy(() -> ExportReader.open(dir.resolve("absent.zip")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void open_notAZip_isRefused() {
    assertThatThrownBy(() -> open("just some text\n".getBytes(UTF_8)))
        .isExactlyInstanceOf(ExportFormatException.class)
        .hasMessageContaining("is not a ZIP file")
        .hasMessageEndingWith("; an export is one ZIP");
  }

  @Test
  void open_parentPath_isRefused() {
    assertThatThrownBy(() -> open(BundleEditor.of(honest).put("../evil.sh", new byte[1]).zip()))
        .isInstanceOf(UnsafeMemberNameException.class)
        .hasMessage("member \"../evil.sh\" climbs out of the export with '..'");
  }

  @Test
  void open_absolutePath_isRefused() {
    assertThatThrownBy(() -> open(BundleEditor.of(honest).put("/etc/cron.d/x", new byte[1]).zip()))
        .isInstanceOf(UnsafeMemberNameException.class)
        .hasMessage("member \"/etc/cron.d/x\" is an absolute path");
  }

  @Test
  void open_windowsPath_isRefused() {
    assertThatThrownBy(() -> open(BundleEditor.of(honest).put("..\\x", new byte[1]).zip()))
        .isInstanceOf(UnsafeMemberNameException.class)
        .hasMessage("member \"..\\u005cx\" has a backslash in its name");
  }

  @Test
  void open_unknownMember_isRefused() {
    assertThatThrownBy(() -> open(BundleEditor.of(honest).put("notes.txt", new byte[1]).zip()))
        .isInstanceOf(UnsafeMemberNameException.class)
        .hasMessageStartingWith("member \"notes.txt\" is not a member of a Saksi export (members:");
  }

  @Test
  void open_duplicateMember_isRefused() throws Exception {
    // ZipOutputStream refuses to write a name twice, so write a twin and rename it in place.
    byte[] zip = BundleEditor.of(honest).put("entries.jsonX", "{}\n".getBytes(UTF_8)).zip(false);
    byte[] from = "entries.jsonX".getBytes(UTF_8);
    byte[] to = "entries.jsonl".getBytes(UTF_8);
    for (int i = 0; i + from.length <= zip.length; i++) {
      if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, zip, i, to.length);
      }
    }
    assertThatThrownBy(() -> open(zip))
        .isInstanceOf(UnsafeMemberNameException.class)
        .hasMessage("member \"entries.jsonl\" appears twice in the ZIP");
  }

  @Test
  void open_requiredMemberMissing_isRefused() {
    assertThatThrownBy(() -> open(BundleEditor.of(honest).remove("checkpoint").zip(false)))
        .isExactlyInstanceOf(ExportFormatException.class)
        .hasMessageEndingWith("has no member checkpoint: it is not a Saksi export bundle");
  }

  @Test
  void entries_zipBomb_stopsAtTheRatioBound() throws Exception {
    // 8 MiB of newlines deflate to a few kilobytes: over 100 to 1 once past the 1 MiB allowance.
    byte[] bomb = new byte[8 << 20];
    Arrays.fill(bomb, (byte) '\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : new String[] {"log.vkey", "checkpoint", "README.txt", "manifest.json"}) {
        z.putNextEntry(new ZipEntry(name));
        z.write(BundleEditor.of(honest).get(name));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("entries.jsonl"));
      z.write(bomb);
      z.closeEntry();
    }
    try (ExportReader r = open(out.toByteArray());
        LineReader lines = r.entries()) {
      assertThatThrownBy(
              () -> {
                while (lines.next() != null) {
                  // Read until refused.
                }
              })
          .isInstanceOf(CompressionRatioException.class)
          .hasMessageStartingWith("entries.jsonl: ")
          .hasMessageContaining("beyond the ratio of 100 to 1 that an export allows");
      assertThat(lines.lineCount()).isLessThan(2 << 20);
    }
  }

  @Test
  void entries_lineLongerThanAnEntry_isRefused() throws Exception {
    byte[] line = new byte[Entry.MAX_BYTES + 1];
    for (int i = 0; i < line.length; i++) {
      line[i] = (byte) ('a' + (i * 7919 % 26));
    }
    BundleEditor b = BundleEditor.of(honest);
    b.lines(java.util.List.of(line));
    try (ExportReader r = open(b.zip());
        LineReader lines = r.entries()) {
      assertThatThrownBy(lines::next)
          .isInstanceOf(MemberTooLargeException.class)
          .hasMessage(
              "entries.jsonl: line 1 is larger than the limit of " + Entry.MAX_BYTES + " bytes");
    }
  }

  @Test
  void open_readmeNotUtf8_isRefused() {
    byte[] bad = {'R', 'E', 'A', 'D', (byte) 0xC0, (byte) 0x80, '\n'};
    assertThatThrownBy(() -> open(BundleEditor.of(honest).put("README.txt", bad).zip()))
        .isInstanceOf(MalformedTextException.class)
        .hasMessage("README.txt: is not valid UTF-8 text");
  }

  @Test
  void open_oversizedReadme_isRefused() {
    byte[] big = new byte[64 * 1024 + 1];
    Arrays.fill(big, (byte) 'x');
    assertThatThrownBy(() -> open(BundleEditor.of(honest).put("README.txt", big).zip()))
        .isInstanceOf(MemberTooLargeException.class)
        .hasMessage("README.txt: the member is larger than the limit of 65536 bytes");
  }

  @Test
  void open_manifestOfAnotherFormat_isRefused() {
    String manifest =
        new String(BundleEditor.of(honest).get("manifest.json"), UTF_8)
            .replace("saksi-export@v1", "saksi-export@v2");
    assertThatThrownBy(
            () ->
                open(
                    BundleEditor.of(honest)
                        .put("manifest.json", manifest.getBytes(UTF_8))
                        .zip(false)))
        .isExactlyInstanceOf(ExportFormatException.class)
        .hasMessage(
            "manifest.json: /format: is \"saksi-export@v2\"; this verifier reads saksi-export@v1 (a"
                + " newer verifier may read this export)");
  }

  @Test
  void read_damagedMemberData_isRefusedByItsCrc() throws Exception {
    byte[] zip = BundleEditor.of(honest).zip();
    // The members are stored: flip a byte inside the text of log.vkey.
    byte[] key = BundleEditor.of(honest).get("log.vkey");
    int at = indexOf(zip, key) + 5;
    zip[at] ^= 0x01;
    assertThatThrownBy(() -> open(zip))
        .isExactlyInstanceOf(ExportFormatException.class)
        .hasMessage(
            "log.vkey: the CRC-32 of the inflated bytes does not match the ZIP's (a damaged file)");
  }

  @Test
  void names_controlCharacter_isRefused() {
    assertThatThrownBy(() -> ExportLayout.checkName("entries\u0000.jsonl"))
        .isInstanceOf(UnsafeMemberNameException.class)
        .hasMessage("member \"entries\\u0000.jsonl\" has a control character in its name");
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}
