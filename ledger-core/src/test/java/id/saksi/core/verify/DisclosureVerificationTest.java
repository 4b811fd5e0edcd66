package id.saksi.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.export.ExportScope;
import id.saksi.core.testing.BundleEditor;
import id.saksi.core.testing.SignedLedgerBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Disclosures, where a bundle has them, must open fields their entry commits; none are needed. */
class DisclosureVerificationTest {
  private static SignedLedgerBuilder ledger;
  private static long reported;

  @TempDir Path dir;

  @BeforeAll
  static void build() {
    ledger = SignedLedgerBuilder.wholeCase();
    SecureRandom random = new SecureRandom();
    Disclosure name = Disclosure.create("reporter.name", "Siti Aminah", random);
    Disclosure nip = Disclosure.create("reported.nip", "198503302010122001", random);
    ObjectNode body = (ObjectNode) ledger.entries().get(31).statement().body();
    ((ObjectNode) body.get("reporter")).put("name", name.digest().text());
    ((ObjectNode) body.get("reported")).put("nip", nip.digest().text());
    reported =
        ledger.append("BAWASLU-LAMPUNG", "case.reported", "case/LPG-2024-0002", body).index();
    ledger.disclose(reported, List.of(name, nip));
  }

  private VerificationReport verify(byte[] bundle) throws Exception {
    Path p = Files.write(dir.resolve("x.zip"), bundle);
    return ExportVerifier.verify(p, VerifyOptions.of(ledger.logKey()));
  }

  @Test
  void verify_caseWithItsDisclosures_checksEachOne() throws Exception {
    VerificationReport r = verify(ledger.export(ExportScope.subject("case/LPG-2024-0002"), true));

    assertThat(r.failures()).isEmpty();
    assertThat(r.counts().disclosures()).isEqualTo(2);
  }

  @Test
  void verify_caseWithoutDisclosures_stillVerifies() throws Exception {
    VerificationReport r = verify(ledger.export(ExportScope.subject("case/LPG-2024-0002"), false));

    assertThat(r.failures()).isEmpty();
    assertThat(r.counts().disclosures()).isZero();
  }

  @Test
  void verify_disclosureOfAnotherValue_isCaughtAtItsEntry() throws Exception {
    BundleEditor b =
        BundleEditor.of(ledger.export(ExportScope.subject("case/LPG-2024-0002"), true));
    Disclosure forged = Disclosure.create("reporter.name", "Someone Else", new SecureRandom());
    String line = "{\"disclosures\":[\"" + forged.encoded() + "\"],\"index\":" + reported + "}\n";
    b.put("disclosures.jsonl", line.getBytes(StandardCharsets.UTF_8));

    Failure f = verify(b.zip()).failures().get(0);

    assertThat(f.check()).isEqualTo(Check.DISCLOSURE);
    assertThat(f.index()).hasValue(reported);
    assertThat(f.message()).startsWith("personal data field \"reporter.name\": ");
  }
}
