package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The examples in docs/export.md are the fixtures' own bytes: the document cannot drift. */
class ExportDocumentTest {
  private static String doc;
  private static SignedLedgerBuilder ledger;

  @BeforeAll
  static void read() throws Exception {
    doc = Files.readString(Path.of("..", "docs", "export.md"), UTF_8);
    ledger = SignedLedgerBuilder.wholeCase();
  }

  @Test
  void manifestExample_isTheExampleLedgersManifest() {
    String manifest = new String(BundleEditor.of(ledger.export()).get("manifest.json"), UTF_8);
    assertThat(doc).contains("```json\n" + manifest + "\n```");
  }

  @Test
  void entryExample_isEntry3() {
    assertThat(doc).contains("\n" + new String(ledger.entries().get(3).leafBytes(), UTF_8) + "\n");
  }

  @Test
  void checkpointAndKeyExamples_areTheExampleLedgers() {
    assertThat(doc).contains("```\n" + new String(ledger.checkpoint(), UTF_8) + "```");
    assertThat(doc).contains("```\n" + ledger.logKey().encode() + "\n```");
  }

  @Test
  void rangeProofExample_isTheRangeProofOf33To40() {
    assertThat(doc).contains(new String(ledger.rangeProof(33, 40, 45).encode(), UTF_8));
  }

  @Test
  void receiptExample_isTheReceiptOfEntry31() {
    assertThat(doc).contains(new String(ledger.receipt(31), UTF_8));
  }

  @Test
  void disclosureExample_hasTheDigestGiven() throws Exception {
    Disclosure d =
        Disclosure.parse(
            "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsInJlcG9ydGVyLm5hbWUiLCJTaXRpIEFtaW5haCJd");
    assertThat(d.claimName()).isEqualTo("reporter.name");
    assertThat(doc).contains(d.digest().text());
  }
}
