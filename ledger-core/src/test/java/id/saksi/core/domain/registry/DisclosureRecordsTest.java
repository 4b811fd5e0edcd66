package id.saksi.core.domain.registry;

import static id.saksi.core.domain.testing.Rejections.assertRejection;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.REGISTRAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainJacksonModule;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The service's records about personal data: disclosure.accessed and disclosure.erased. */
class DisclosureRecordsTest {
  private static ObjectNode accessBody(long entry) {
    return J.o(
        "entry",
        entry,
        "fields",
        J.a("reporter.name", "witnesses[0]"),
        "auditor",
        "auditor.bkn-1",
        "purpose",
        "Pemeriksaan kasus LPG-2024-001 atas permintaan Ombudsman");
  }

  private static ObjectNode erasureBody(long entry) {
    return J.o(
        "entry",
        entry,
        "fields",
        J.a("reporter.contact"),
        "officer",
        "dpo@bkn",
        "reason",
        "SUBJECT_REQUEST",
        "basis",
        "UU 27/2022 Pasal 8");
  }

  @Test
  void accessed_byTheRegistrar_acceptedAndChangesNoRegistryFact() {
    TestLedger t = TestLedger.standard();
    RegistryState before = t.state().registry();

    Outcome.Accepted a = t.accept(REGISTRAR, "disclosure.accessed", "registry", accessBody(3));

    DisclosureAccessedEvent e = (DisclosureAccessedEvent) a.events().get(0);
    assertThat(e.command())
        .isEqualTo(
            new RecordDisclosureAccessCommand(
                Position.of(3),
                List.of("reporter.name", "witnesses[0]"),
                "auditor.bkn-1",
                "Pemeriksaan kasus LPG-2024-001 atas permintaan Ombudsman"));
    assertThat(t.state().registry().agencies()).isEqualTo(before.agencies());
    assertThat(t.state().registry().keys().all()).isEqualTo(before.keys().all());
  }

  @Test
  void erased_byTheRegistrar_accepted() {
    TestLedger t = TestLedger.standard();

    Outcome.Accepted a = t.accept(REGISTRAR, "disclosure.erased", "registry", erasureBody(2));

    DisclosureErasedEvent e = (DisclosureErasedEvent) a.events().get(0);
    assertThat(e.command().reason()).isEqualTo(ErasureReason.SUBJECT_REQUEST);
    assertThat(e.command().fields()).containsExactly("reporter.contact");
  }

  @Test
  void accessed_byAnAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(BKN, "disclosure.accessed", "registry", accessBody(3));

    assertRejection(
        r,
        RegistryRules.DISCLOSURE_REGISTRAR_ONLY,
        "registry",
        "ACTIVE",
        "disclosure.accessed is recorded by the service with the registrar's key, not by BKN"
            + " (BKN)");
  }

  @Test
  void erased_byAnAgency_rejected() {
    TestLedger t = TestLedger.standard();

    Rejection r = t.reject(BKN, "disclosure.erased", "registry", erasureBody(3));

    assertRejection(
        r,
        RegistryRules.DISCLOSURE_REGISTRAR_ONLY,
        "registry",
        "ACTIVE",
        "disclosure.erased is recorded by the service with the registrar's key, not by BKN (BKN)");
  }

  @Test
  void accessed_entryNotYetInTheLedger_rejected() {
    TestLedger t = TestLedger.standard();
    long here = t.nextPosition().value();

    Rejection r = t.reject(REGISTRAR, "disclosure.accessed", "registry", accessBody(here));

    assertRejection(
        r,
        RegistryRules.DISCLOSURE_ENTRY_EARLIER,
        "registry",
        "ACTIVE",
        "entry "
            + here
            + " is not before this record's position "
            + here
            + "; name an entry already in the ledger");
  }

  @Test
  void erased_entryAfterTheRecord_rejected() {
    TestLedger t = TestLedger.standard();
    long here = t.nextPosition().value();

    Rejection r = t.reject(REGISTRAR, "disclosure.erased", "registry", erasureBody(here + 5));

    assertThat(r.rule()).isEqualTo(RegistryRules.DISCLOSURE_ENTRY_EARLIER);
  }

  @Test
  void accessed_purposeMissing_isAParseError() {
    ObjectNode body = accessBody(1);
    body.remove("purpose");

    assertThatThrownBy(() -> DomainModel.parse("disclosure.accessed", "registry", body))
        .isInstanceOf(RecordParseException.class)
        .hasMessageContaining("purpose");
  }

  @Test
  void accessed_purposeTooLong_isAParseError() {
    ObjectNode body = accessBody(1);
    body.put("purpose", "x".repeat(501));

    assertThatThrownBy(() -> DomainModel.parse("disclosure.accessed", "registry", body))
        .isInstanceOf(RecordParseException.class)
        .hasMessageContaining("has 501 characters; at most 500 are allowed");
  }

  @Test
  void accessed_fieldThatIsNotAPath_isAParseError() {
    ObjectNode body = accessBody(1);
    body.set("fields", J.a("Budi Santoso"));

    assertThatThrownBy(() -> DomainModel.parse("disclosure.accessed", "registry", body))
        .isInstanceOf(RecordParseException.class)
        .hasMessageContaining(
            "is not a field path; write the claim name, such as reporter.name or witnesses[0]");
  }

  @Test
  void erased_officerWithASpace_isAParseError() {
    ObjectNode body = erasureBody(1);
    body.put("officer", "Budi Santoso");

    assertThatThrownBy(() -> DomainModel.parse("disclosure.erased", "registry", body))
        .isInstanceOf(RecordParseException.class)
        .hasMessageContaining("is not an account name");
  }

  @Test
  void erased_unknownReason_isAParseError() {
    ObjectNode body = erasureBody(1);
    body.put("reason", "BORED");

    assertThatThrownBy(() -> DomainModel.parse("disclosure.erased", "registry", body))
        .isInstanceOf(RecordParseException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void events_roundTripThroughJson() throws Exception {
    TestLedger t = TestLedger.standard();
    JsonMapper json = JsonMapper.builder().addModule(new DomainJacksonModule()).build();
    Object accessed =
        t.accept(REGISTRAR, "disclosure.accessed", "registry", accessBody(3)).events().get(0);
    Object erased =
        t.accept(REGISTRAR, "disclosure.erased", "registry", erasureBody(3)).events().get(0);

    for (Object e : List.of(accessed, erased)) {
      String text = json.writeValueAsString(e);
      assertThat(json.readValue(text, e.getClass())).as(text).isEqualTo(e);
    }
  }

  @Test
  void replay_ofALedgerWithAccessAndErasureRecords_isTheSame() throws Exception {
    TestLedger t = TestLedger.standard();
    t.accept(REGISTRAR, "disclosure.accessed", "registry", accessBody(3));
    t.accept(REGISTRAR, "disclosure.erased", "registry", erasureBody(3));

    LedgerState replay = new LedgerState();
    for (Submission s : t.history()) {
      replay.apply(s).orThrow();
    }

    assertThat(replay.lastCommitted()).isEqualTo(t.state().lastCommitted());
    assertThat(replay.registry().agencies()).isEqualTo(t.state().registry().agencies());
  }
}
