package id.saksi.core.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hashing;
import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExportWriterTest {
  private static SignedLedgerBuilder ledger;

  @BeforeAll
  static void build() {
    ledger = SignedLedgerBuilder.wholeCase();
  }

  @Test
  void write_wholeLedger_entriesAreTheLeafBytesEachWithLf() {
    BundleEditor b = BundleEditor.of(ledger.export());

    List<byte[]> lines = b.lines();
    assertThat(lines).hasSize(45);
    for (int i = 0; i < 45; i++) {
      assertThat(lines.get(i)).isEqualTo(ledger.entries().get(i).leafBytes());
    }
    byte[] all = b.get("entries.jsonl");
    assertThat(all[all.length - 1]).isEqualTo((byte) '\n');
    assertThat(b.get("checkpoint")).isEqualTo(ledger.checkpoint());
    assertThat(new String(b.get("log.vkey"), UTF_8)).isEqualTo(ledger.logKey().encode() + "\n");
  }

  @Test
  void write_manifest_describesEveryOtherMember() throws Exception {
    BundleEditor b = BundleEditor.of(ledger.export());
    Manifest m = Manifest.parse(b.get("manifest.json"));

    assertThat(m.format()).isEqualTo("saksi-export@v1");
    assertThat(m.scope()).isEqualTo(ExportScope.ledger());
    assertThat(m.treeSize()).isEqualTo(45);
    assertThat(m.rootHash()).isEqualTo(ledger.checkpointText().rootHash());
    assertThat(m.entries()).isEqualTo(45);
    assertThat(m.createdAt()).isEqualTo(SignedLedgerBuilder.CREATED);
    assertThat(m.members())
        .extracting(Manifest.Member::name)
        .containsExactly("log.vkey", "checkpoint", "entries.jsonl", "README.txt");
    for (Manifest.Member member : m.members()) {
      assertThat(member.sha256()).isEqualTo(Hashing.sha256(b.get(member.name())));
      assertThat(member.bytes()).isEqualTo(b.get(member.name()).length);
    }
    assertThat(Manifest.parse(m.toJson())).isEqualTo(m);
  }

  @Test
  void write_readme_tellsTheClerkInBothLanguages() {
    String readme = new String(BundleEditor.of(ledger.export()).get("README.txt"), UTF_8);

    assertThat(readme)
        .contains("CARA MEMERIKSA", "ARTI PUTUSAN", "HOW TO CHECK IT", "WHAT THE VERDICT MEANS")
        .contains("java -jar verifier.jar verify EKSPOR.zip --log-key")
        .contains("java -jar verifier.jar verify EXPORT.zip --log-key")
        .contains("Kunci buku besar    : " + ledger.logKey().keyRef())
        .contains("Records             : 45")
        .contains("Scope               : the whole ledger")
        .doesNotContain(ledger.logKey().encode());
    assertThat(readme.lines()).allMatch(l -> l.length() <= 100);
  }

  @Test
  void write_sameInputs_sameBytes() {
    assertThat(ledger.export()).isEqualTo(ledger.export());
  }

  @Test
  void write_subjectExport_hasAProofForEachEntry() throws Exception {
    BundleEditor b =
        BundleEditor.of(ledger.export(ExportScope.subject("case/LPG-2024-0001"), false));
    Manifest m = Manifest.parse(b.get("manifest.json"));

    assertThat(m.entries()).isEqualTo(44);
    assertThat(m.proofs()).isEqualTo(44);
    assertThat(m.members()).extracting(Manifest.Member::name).contains("proofs/0.tlog-proof");
  }

  @Test
  void entry_outOfOrder_isACallerBug() throws Exception {
    ExportWriter w = writer(ExportScope.ledger());
    w.entry(ledger.entries().get(0));
    assertThatThrownBy(() -> w.entry(ledger.entries().get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry 0 after entry 0: entries go in ascending order");
  }

  @Test
  void entry_gapInAWholeExport_isACallerBug() throws Exception {
    ExportWriter w = writer(ExportScope.ledger());
    w.entry(ledger.entries().get(0));
    assertThatThrownBy(() -> w.entry(ledger.entries().get(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry 1 is missing: the whole ledger holds every entry");
  }

  @Test
  void entry_subjectEntryWithoutItsProof_isACallerBug() throws Exception {
    ExportWriter w = writer(ExportScope.subject("case/LPG-2024-0001"));
    assertThatThrownBy(() -> w.entry(ledger.entries().get(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("entry 0 has no inclusion proof");
  }

  @Test
  void finish_wholeExportShortOfTheCheckpoint_isACallerBug() throws Exception {
    ExportWriter w = writer(ExportScope.ledger());
    for (Entry e : ledger.entries().subList(0, 44)) {
      w.entry(e);
    }
    assertThatThrownBy(w::finish)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the export of the whole ledger ends at entry 43");
  }

  @Test
  void entry_rangeWithoutItsProof_isACallerBug() throws Exception {
    ExportWriter w = writer(ExportScope.range(40, 45));
    assertThatThrownBy(() -> w.entry(ledger.entries().get(40)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a range export writes its range proof first");
  }

  private ExportWriter writer(ExportScope scope) throws Exception {
    return new ExportWriter(
        new ByteArrayOutputStream(),
        scope,
        ledger.checkpoint(),
        ledger.logKey(),
        SignedLedgerBuilder.CREATED);
  }
}
