package id.saksi.core.domain.instrument;

import static id.saksi.core.domain.testing.Rejections.assertRejection;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.METRO;
import static id.saksi.core.domain.testing.TestLedger.REGISTRAR;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.rule.CommonRules;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Circulars: Metro's neutrality circular 005/1446/B-06/2023 (seed 000) as the running example. */
class InstrumentTest {
  private static final String SE = "instrument/METRO-SE-005-1446-2023";

  static ObjectNode circular() {
    return J.o(
        "kind", "CIRCULAR",
        "number", "005/1446/B-06/2023",
        "issuedOn", "2023-02-06",
        "place", "Metro",
        "nature", "Penting",
        "title",
            "Pelaksanaan Ikrar Netralitas ASN dan Tenaga Kontrak pada Pemilu dan Pemilihan 2024",
        "addressees", J.a("Para Kepala Perangkat Daerah di Lingkungan Pemerintah Kota Metro"),
        "legalBasis",
            J.a(
                "UU 5/2014 tentang ASN",
                "SKB MenPANRB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022,"
                    + " Bawaslu 1447.1/PM.01/K.1/09/2022"),
        "documentDigest", J.doc("se-metro"));
  }

  private static ObjectNode amendment(Position amends) {
    return J.o(
        "amends", amends,
        "number", "005/1500/B-06/2023",
        "amendedOn", "2023-03-01",
        "summary", "Adds contract employees to the pledge schedule",
        "documentDigest", J.doc("amend"));
  }

  private static ObjectNode revocation(Position revokes) {
    return J.o(
        "revokes", revokes,
        "number", "005/2000/B-06/2024",
        "revokedOn", "2024-12-31",
        "reason", "The 2024 elections are over",
        "documentDigest", J.doc("revoke"));
  }

  @Test
  void issued_amended_revoked_followTheirReferences() {
    TestLedger t = TestLedger.standard();
    Position issue = t.nextPosition();
    t.accept(METRO, "instrument.issued", SE, circular());
    Position amend = t.nextPosition();
    t.accept(METRO, "instrument.amended", SE, amendment(issue));
    t.accept(
        METRO, "instrument.amended", SE, J.with(amendment(amend), "number", "005/1600/B-06/2023"));
    t.accept(METRO, "instrument.revoked", SE, revocation(issue));

    InstrumentState s =
        t.state().instrumentState(Subject.ofInstrument("METRO-SE-005-1446-2023")).orElseThrow();
    assertThat(s.status()).isEqualTo(InstrumentStatus.REVOKED);
    assertThat(s.issuer()).isEqualTo(METRO);
    assertThat(s.amendments()).isEqualTo(2);
    assertThat(s.log().size()).isEqualTo(4);
  }

  @Test
  void issued_twice_rejected() {
    TestLedger t = TestLedger.standard();
    t.accept(METRO, "instrument.issued", SE, circular());

    Rejection r = t.reject(METRO, "instrument.issued", SE, circular());

    assertRejection(
        r,
        InstrumentRules.UNIQUE,
        SE,
        "IN_FORCE",
        SE + " was already issued at position 30; choose another instrument ID");
  }

  @Test
  void issued_byRegistrar_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(REGISTRAR, "instrument.issued", SE, circular());

    assertRejection(
        r,
        InstrumentRules.ISSUER_KIND,
        SE,
        "NONE",
        "the registrar does not issue instruments; the issuing agency signs them");
  }

  @Test
  void issued_jointDecreeWithRegisteredCoIssuers_accepted() {
    TestLedger t = TestLedger.standard();

    t.accept(
        TestLedger.KEMENPANRB,
        "instrument.issued",
        "instrument/SKB-2022",
        J.o(
            "kind",
            "JOINT_DECREE",
            "number",
            "2/2022",
            "issuedOn",
            "2022-09-22",
            "title",
            "Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN",
            "addressees",
            J.a("Seluruh instansi pemerintah"),
            "legalBasis",
            J.a("UU 5/2014", "UU 7/2017"),
            "coIssuers",
            J.a("KEMENDAGRI", "BKN", "KASN", "BAWASLU"),
            "documentDigest",
            J.doc("skb")));
  }

  @Test
  void issued_unregisteredCoIssuer_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(BKN, "instrument.issued", SE, J.with(circular(), "coIssuers", J.a("KOMINFO")));

    assertRejection(
        r, InstrumentRules.CO_ISSUERS, SE, "NONE", "co-issuer KOMINFO is not registered");
  }

  @Test
  void issued_issuerAsCoIssuer_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(
            METRO, "instrument.issued", SE, J.with(circular(), "coIssuers", J.a("PEMKOT-METRO")));

    assertRejection(
        r,
        InstrumentRules.CO_ISSUERS,
        SE,
        "NONE",
        "PEMKOT-METRO signs the record and is the issuer; do not list it as a co-issuer");
  }

  @Test
  void issued_numberYearContradictsDate_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r =
        t.reject(METRO, "instrument.issued", SE, J.with(circular(), "issuedOn", "2024-02-06"));

    assertRejection(
        r,
        CommonRules.LETTER_NUMBER_DATE,
        SE,
        "NONE",
        "the number 005/1446/B-06/2023 carries the year 2023 but the letter is dated 2024-02-06"
            + " (issuedOn); correct whichever was mistyped");
  }

  @Test
  void amended_beforeIssue_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(METRO, "instrument.amended", SE, amendment(Position.of(3)));

    assertRejection(
        r,
        InstrumentRules.EXISTS,
        SE,
        "NONE",
        SE + " has not been issued; record instrument.issued first");
  }

  @Test
  void amended_byAnotherAgency_rejected() {
    TestLedger t = TestLedger.standard();
    Position issue = t.nextPosition();
    t.accept(METRO, "instrument.issued", SE, circular());

    Rejection r = t.reject(BKN, "instrument.amended", SE, amendment(issue));

    assertRejection(
        r,
        InstrumentRules.ISSUER_ONLY,
        SE,
        "IN_FORCE",
        SE + " was issued by PEMKOT-METRO; BKN cannot change it");
  }

  @Test
  void amended_referenceOutsideTheInstrument_rejected() {
    TestLedger t = TestLedger.standard();
    t.accept(METRO, "instrument.issued", SE, circular());

    Rejection r = t.reject(METRO, "instrument.amended", SE, amendment(Position.of(5)));

    assertRejection(
        r,
        InstrumentRules.REFERENCE,
        SE,
        "IN_FORCE",
        "position 5 is not a record of " + SE + "; its records are at 30");
  }

  @Test
  void amended_beforeIssueDate_rejected() {
    TestLedger t = TestLedger.standard();
    Position issue = t.nextPosition();
    t.accept(METRO, "instrument.issued", SE, circular());

    Rejection r =
        t.reject(
            METRO, "instrument.amended", SE, J.with(amendment(issue), "amendedOn", "2023-01-01"));

    assertRejection(
        r,
        CommonRules.DATES_ORDERED,
        SE,
        "IN_FORCE",
        "amendedOn is 2023-01-01, before the issue date (2023-02-06)");
  }

  @Test
  void revoked_thenAmended_rejected() {
    TestLedger t = TestLedger.standard();
    Position issue = t.nextPosition();
    t.accept(METRO, "instrument.issued", SE, circular());
    t.accept(METRO, "instrument.revoked", SE, revocation(issue));

    Rejection r = t.reject(METRO, "instrument.amended", SE, amendment(issue));

    assertRejection(
        r, InstrumentRules.NOT_REVOKED, SE, "REVOKED", SE + " was revoked at position 31");
  }

  @Test
  void revoked_namingAnAmendment_rejected() {
    TestLedger t = TestLedger.standard();
    Position issue = t.nextPosition();
    t.accept(METRO, "instrument.issued", SE, circular());
    Position amend = t.nextPosition();
    t.accept(METRO, "instrument.amended", SE, amendment(issue));

    Rejection r = t.reject(METRO, "instrument.revoked", SE, revocation(amend));

    assertRejection(
        r,
        InstrumentRules.REFERENCE,
        SE,
        "IN_FORCE",
        "a revocation names the record that issued " + SE + ", at position 30, not 31");
  }
}
