package id.saksi.core.domain.pact;

import static id.saksi.core.domain.testing.Rejections.assertRejection;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static id.saksi.core.domain.testing.TestLedger.REGISTRAR;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.rule.CommonRules;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.Nip;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PactTest {
  static final byte[] KEY =
      "a test pseudonymisation key, 32+ bytes long".getBytes(StandardCharsets.UTF_8);

  static PersonRef ref(String nip) {
    try {
      return PersonRef.derive(KEY, Nip.parse(nip));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static final PersonRef SIGNATORY = ref("198503302010122001");
  static final String SUBJECT = "pact/PEMILU-2024/" + SIGNATORY.text();

  static ObjectNode pact(PersonRef who, String agency) {
    return J.o(
        "election", "PEMILU-2024",
        "kind", "INTEGRITY_PACT",
        "signatory", J.o("ref", who.text(), "name", J.digest("name"), "nip", J.digest("nip")),
        "role", "HEAD_OF_OPD",
        "agency", agency,
        "clauseSetDigest", J.doc("pakta-2024"),
        "place", "Metro",
        "signedOn", "2023-02-20",
        "witnesses", J.a(J.digest("w1"), J.digest("w2")));
  }

  @Test
  void signed_byTheSignatorysAgencyForItsUnit_accepted() {
    TestLedger t = TestLedger.standard();

    t.accept(METRO, "pact.signed", SUBJECT, pact(SIGNATORY, "DISDIK-METRO"));

    PactState s = t.state().pactState(Subject.ofPact("PEMILU-2024", SIGNATORY)).orElseThrow();
    assertThat(s.agency()).isEqualTo(TestLedger.METRO_DISDIK);
    assertThat(s.signedAt().value()).isEqualTo(30);
  }

  @Test
  void signed_twiceForOneElection_rejectedWithTheFirst() {
    TestLedger t = TestLedger.standard();
    t.accept(METRO, "pact.signed", SUBJECT, pact(SIGNATORY, "DISDIK-METRO"));

    Rejection r =
        t.reject(
            METRO,
            "pact.signed",
            SUBJECT,
            J.with(pact(SIGNATORY, "PEMKOT-METRO"), "kind", "NEUTRALITY_PLEDGE"));

    assertRejection(
        r,
        PactRules.ONE_PER_SIGNATORY,
        SUBJECT,
        "SIGNED",
        "this signatory already signed for PEMILU-2024 at position 30 (INTEGRITY_PACT, 2023-02-20,"
            + " recorded by PEMKOT-METRO)");
  }

  @Test
  void signed_sameSignatoryOtherElection_accepted() {
    TestLedger t = TestLedger.standard();
    t.accept(METRO, "pact.signed", SUBJECT, pact(SIGNATORY, "DISDIK-METRO"));

    t.accept(
        METRO,
        "pact.signed",
        "pact/PILKADA-2024/" + SIGNATORY.text(),
        J.with(pact(SIGNATORY, "DISDIK-METRO"), "election", "PILKADA-2024"));
  }

  @Test
  void signed_bodyForAnotherSignatory_rejected() {
    TestLedger t = TestLedger.standard();
    PersonRef other = ref("197001012000031999");

    Rejection r = t.reject(METRO, "pact.signed", SUBJECT, pact(other, "PEMKOT-METRO"));

    assertRejection(
        r,
        PactRules.SUBJECT_MATCHES,
        SUBJECT,
        "NONE",
        "the body is about pact/PEMILU-2024/" + other.text() + " but the subject is " + SUBJECT);
  }

  @Test
  void signed_unknownElection_rejected() {
    TestLedger t = TestLedger.standard();
    String subject = "pact/PEMILU-2029/" + SIGNATORY.text();

    Rejection r =
        t.reject(
            METRO,
            "pact.signed",
            subject,
            J.with(pact(SIGNATORY, "PEMKOT-METRO"), "election", "PEMILU-2029"));

    assertRejection(
        r,
        PactRules.ELECTION_KNOWN,
        "catalogue saksi.neutrality v1, elections",
        subject,
        "NONE",
        "election PEMILU-2029 is not in catalogue saksi.neutrality v1; elections: [PEMILU-2024,"
            + " PILKADA-2024]");
  }

  @Test
  void signed_forAnotherAgencysStaff_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(METRO, "pact.signed", SUBJECT, pact(SIGNATORY, "KEMENKEU"));

    assertRejection(
        r,
        PactRules.AGENCY,
        SUBJECT,
        "NONE",
        "the signatory's agency KEMENKEU is neither PEMKOT-METRO nor one of its units; the"
            + " signatory's own agency records the pact");
  }

  @Test
  void signed_unregisteredAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(METRO, "pact.signed", SUBJECT, pact(SIGNATORY, "DINAS-NOWHERE"));

    assertRejection(
        r,
        PactRules.AGENCY,
        SUBJECT,
        "NONE",
        "the signatory's agency DINAS-NOWHERE is not registered");
  }

  @Test
  void signed_byRegistrar_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(REGISTRAR, "pact.signed", SUBJECT, pact(SIGNATORY, "REGISTRAR"));

    assertRejection(
        r,
        PactRules.RECORDER_KIND,
        SUBJECT,
        "NONE",
        "the registrar does not record pacts; the signatory's agency does");
  }

  @Test
  void signed_beforeAnyCatalogue_rejected() {
    TestLedger t = TestLedger.genesisOnly();
    t.accept(
        REGISTRAR,
        "agency.registered",
        "registry",
        J.o("code", "PEMKOT-METRO", "name", "Metro", "kind", "REGIONAL_GOVERNMENT", "ppk", true));

    Rejection r = t.reject(REGISTRAR, "pact.signed", SUBJECT, pact(SIGNATORY, "PEMKOT-METRO"));

    assertThat(r.rule()).isEqualTo(PactRules.RECORDER_KIND);
    t.accept(
        REGISTRAR,
        "key.added",
        "registry",
        J.o("agency", "PEMKOT-METRO", "publicKey", TestLedger.key("PEMKOT-METRO#1").base64()));
    Rejection r2 = t.reject(METRO, "pact.signed", SUBJECT, pact(SIGNATORY, "PEMKOT-METRO"));
    assertRejection(
        r2,
        CommonRules.CATALOGUE_IN_FORCE,
        SUBJECT,
        "NONE",
        "no catalogue is in force at position 3; the registrar must adopt one with"
            + " catalogue.adopted first");
  }

  @Test
  void signed_unknownAgencyAsSigner_rejected() {
    TestLedger t = TestLedger.standard();
    id.saksi.core.domain.validation.AgencyCode ghost =
        id.saksi.core.domain.validation.AgencyCode.of("GHOST");

    Rejection r = t.reject(ghost, "pact.signed", SUBJECT, pact(SIGNATORY, "PEMKOT-METRO"));

    assertRejection(
        r,
        CommonRules.ACTOR_ACTIVE,
        SUBJECT,
        "NONE",
        "agency GHOST is not registered; the registrar must register it first");
  }
}
