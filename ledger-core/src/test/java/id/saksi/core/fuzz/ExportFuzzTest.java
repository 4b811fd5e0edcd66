package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.ParseException;
import id.saksi.core.export.ExportScope;
import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.VerifyOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes export bundles, the one input a verifier takes whole from a stranger: the ZIP is opened
 * with {@link id.saksi.core.export.ExportReader} and verified with {@link ExportVerifier} end to
 * end (manifest, checkpoint, entries, signatures, chain, tree, key registry, domain replay,
 * proofs).
 *
 * <p>Whatever the bytes, the verifier either returns a report or refuses the bundle with a {@link
 * ParseException} (an ExportFormatException naming the defence); an IOException from a file it has
 * just been given, or any runtime exception, is a finding. Seeds: honest bundles of each scope and
 * the hostile ones of docs/export.md, built here from an honest bundle: "../" and absolute member
 * names, a name twice, a zip bomb, a line longer than any entry, text in the wrong encoding.
 */
class ExportFuzzTest {
  static final SignedLedgerBuilder LEDGER = SignedLedgerBuilder.wholeCase();
  static final VerifyOptions OPTIONS = VerifyOptions.of(LEDGER.logKey()).withThreads(1);

  static Stream<Arguments> exportSeeds() throws Exception {
    byte[] honest = LEDGER.export();
    byte[] small = SignedLedgerBuilder.small().export();
    FuzzSeeds seeds =
        FuzzSeeds.forTarget("export")
            .add("whole ledger", honest)
            .add("small ledger, another log key", small)
            .add("with disclosures", LEDGER.export(ExportScope.ledger(), true))
            .add("range 3..7", LEDGER.export(ExportScope.range(3, 7), false))
            .add("not a zip", "entries.jsonl\n{}\n")
            .add("empty", new byte[0]);
    BundleEditor b = BundleEditor.of(honest);
    seeds
        .add("../ member", b.copy().put("../evil.sh", new byte[] {'x'}).zip())
        .add("absolute member", b.copy().put("/etc/cron.d/x", new byte[] {'x'}).zip())
        .add("backslash member", b.copy().put("proofs\\..\\..\\x", new byte[] {'x'}).zip())
        .add("duplicate entries.jsonl", duplicate(b))
        .add("zip bomb", bomb(b))
        .add("huge line", hugeLine(b))
        .add("README in UTF-16", b.copy().put("README.txt", utf16(b.get("README.txt"))).zip())
        .add("log.vkey with a BOM", b.copy().put("log.vkey", bom(b.get("log.vkey"))).zip())
        .add(
            "entries in Latin-1",
            b.copy()
                .put(
                    "entries.jsonl",
                    new String(b.get("entries.jsonl"), UTF_8)
                        .replace("Metro", "M\u00e9tro")
                        .getBytes(StandardCharsets.ISO_8859_1))
                .zip())
        .add("manifest missing", b.copy().remove("manifest.json").zip(false));
    return seeds.stream();
  }

  @MethodSource("exportSeeds")
  @FuzzTest
  void exportZip(byte[] input) throws Exception {
    Path file = Files.createTempFile("export-fuzz-", ".zip");
    try {
      Files.write(file, input);
      ExportVerifier.verify(file, OPTIONS);
    } catch (ParseException e) {
      // refused as unusable, by a named defence
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** ZipOutputStream refuses a name twice, so write a twin and rename it in place. */
  private static byte[] duplicate(BundleEditor b) {
    byte[] zip = b.copy().put("entries.jsonX", "{}\n".getBytes(UTF_8)).zip(false);
    byte[] from = "entries.jsonX".getBytes(UTF_8);
    byte[] to = "entries.jsonl".getBytes(UTF_8);
    for (int i = 0; i + from.length <= zip.length; i++) {
      if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
        System.arraycopy(to, 0, zip, i, to.length);
      }
    }
    return zip;
  }

  /** 16 MiB of newlines as entries.jsonl: a few kilobytes deflated. */
  private static byte[] bomb(BundleEditor b) throws IOException {
    byte[] zeros = new byte[16 << 20];
    Arrays.fill(zeros, (byte) '\n');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (String name : new String[] {"log.vkey", "checkpoint", "README.txt", "manifest.json"}) {
        z.putNextEntry(new ZipEntry(name));
        z.write(b.get(name));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("entries.jsonl"));
      z.write(zeros);
      z.closeEntry();
    }
    return out.toByteArray();
  }

  /** One line of 2 MiB, longer than any entry may be. */
  private static byte[] hugeLine(BundleEditor b) {
    byte[] line = new byte[2 << 20];
    Arrays.fill(line, (byte) 'a');
    line[0] = '{';
    line[line.length - 1] = '\n';
    return b.copy().put("entries.jsonl", line).zip();
  }

  private static byte[] utf16(byte[] text) {
    return new String(text, UTF_8).getBytes(StandardCharsets.UTF_16);
  }

  private static byte[] bom(byte[] text) {
    byte[] out = new byte[text.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(text, 0, out, 3, text.length);
    return out;
  }
}
