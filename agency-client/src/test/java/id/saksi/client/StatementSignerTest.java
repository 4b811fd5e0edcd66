package id.saksi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.PersonalData;
import id.saksi.core.domain.ledger.PersonalDataException;
import id.saksi.core.entry.Statements;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Building and signing statements, with their personal data committed. */
class StatementSignerTest {
  private static final Ed25519PrivateKey LAMPUNG = StubLedger.agencyKey("BAWASLU-LAMPUNG");
  private final StatementSigner signer =
      new StatementSigner(LAMPUNG, "BAWASLU-LAMPUNG", Fixtures.RANDOM);

  @Test
  void sign_caseReport_commitsEveryPersonalFieldAndSignsTheCanonicalBytes() throws Exception {
    SignedSubmission s =
        signer.sign(
            "case.reported",
            "case/C-1",
            Fixtures.reportBodyWithoutPersonalData("C-1"),
            Fixtures.reportPersonalData(),
            Instant.parse("2024-10-05T03:00:00.750Z"),
            "personal.json");

    Statements.verify(s.statement(), s.signatures().get(0), LAMPUNG.publicKey());
    assertThat(s.statement().key()).isEqualTo(KeyId.of(LAMPUNG.publicKey()));
    assertThat(s.statement().issuedAt()).isEqualTo(Instant.parse("2024-10-05T03:00:00Z"));
    assertThat(s.statement().nonce()).hasSize(22);
    assertThat(s.disclosures())
        .extracting(Disclosure::claimName)
        .containsExactlyElementsOf(Fixtures.reportPersonalData().keySet());
    PersonalData.check(
        DomainModel.parse("case.reported", "case/C-1", s.statement().body()),
        s.disclosures(),
        true);
    assertThat(s.statement().body().get("reported").get("nip").asString())
        .isEqualTo(s.disclosures().get(6).digest().text())
        .doesNotContain("1985");
  }

  @Test
  void sign_twice_usesTwoNoncesAndTwoSalts() throws Exception {
    ObjectNode body = Fixtures.reportBodyWithoutPersonalData("C-2");
    Map<String, String> personal = Fixtures.reportPersonalData();

    SignedSubmission a =
        signer.sign("case.reported", "case/C-2", body, personal, Fixtures.ISSUED, "p");
    SignedSubmission b =
        signer.sign("case.reported", "case/C-2", body, personal, Fixtures.ISSUED, "p");

    assertThat(a.statement().nonce()).isNotEqualTo(b.statement().nonce());
    assertThat(a.disclosures().get(0).salt()).isNotEqualTo(b.disclosures().get(0).salt());
  }

  @Test
  void sign_committedFieldWithoutValue_isRefusedNamingIt() {
    Map<String, String> personal = new HashMap<>(Fixtures.reportPersonalData());
    personal.remove("reported.nip");

    assertThatThrownBy(
            () ->
                signer.sign(
                    "case.reported",
                    "case/C-3",
                    Fixtures.reportBodyWithoutPersonalData("C-3"),
                    personal,
                    Fixtures.ISSUED,
                    "p"))
        .isInstanceOf(RecordParseException.class)
        .hasMessageContaining("reported.nip");
  }

  @Test
  void sign_badNip_isRefusedBeforeSigning() {
    Map<String, String> personal = new HashMap<>(Fixtures.reportPersonalData());
    personal.put("reported.nip", "198513302010122001");

    assertThatThrownBy(
            () ->
                signer.sign(
                    "case.reported",
                    "case/C-4",
                    Fixtures.reportBodyWithoutPersonalData("C-4"),
                    personal,
                    Fixtures.ISSUED,
                    "p"))
        .isInstanceOf(PersonalDataException.class)
        .hasMessageStartingWith("personal data field \"reported.nip\": ");
  }

  @Test
  void sign_circularWithoutPersonalData_hasNoDisclosures() throws Exception {
    SignedSubmission s = Fixtures.circular("instrument/T-1");

    assertThat(s.disclosures()).isEmpty();
    assertThat(s.toJson().has("disclosures")).isFalse();
  }
}
