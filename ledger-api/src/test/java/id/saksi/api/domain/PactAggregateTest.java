package id.saksi.api.domain;

import static id.saksi.core.domain.testing.TestLedger.METRO;

import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The pact aggregate adapts the core's pact decider: one pact per signatory per election. */
class PactAggregateTest {
  static final PersonRef SIGNATORY = CaseScript.person("198503302010122001");
  static final String SUBJECT = "pact/PEMILU-2024/" + SIGNATORY.text();

  AggregateTestFixture<PactAggregate> fixture;
  DomainSteps steps;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(PactAggregate.class);
    fixture.setReportIllegalStateChange(true);
    steps = new DomainSteps(TestLedger.standard());
  }

  static ObjectNode pact(String agency) {
    return J.o(
        "election", "PEMILU-2024",
        "kind", "INTEGRITY_PACT",
        "signatory", J.o("ref", SIGNATORY.text(), "name", J.digest("name"), "nip", J.digest("nip")),
        "role", "HEAD_OF_OPD",
        "agency", agency,
        "clauseSetDigest", J.doc("pakta-2024"),
        "place", "Metro",
        "signedOn", "2023-02-20",
        "witnesses", J.a(J.digest("w1"), J.digest("w2")));
  }

  @Test
  void signed_createsThePact() {
    DomainSteps.Step sign = steps.prepare(METRO, "pact.signed", SUBJECT, pact("DISDIK-METRO"));

    fixture
        .givenNoPriorActivity()
        .when(RecordPactStatementCommand.of(sign.statement()))
        .expectEvents(sign.expectedEvent());
  }

  @Test
  void signedTwiceForOneElection_isRejectedWithThePositionOfTheFirst() {
    DomainSteps.Step first = steps.accept(METRO, "pact.signed", SUBJECT, pact("DISDIK-METRO"));
    DomainSteps.Step again = steps.prepare(METRO, "pact.signed", SUBJECT, pact("PEMKOT-METRO"));

    fixture
        .givenCommands(RecordPactStatementCommand.of(first.statement()))
        .when(RecordPactStatementCommand.of(again.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(
            SUBJECT
                + " in state SIGNED: rule pact.one-per-signatory (issue 3, integrity pacts and"
                + " neutrality pledges (one per signatory per election, a duplicate rejected with"
                + " the reference of the first); SKB 2022 Lampiran I (ikrar and integrity pact in"
                + " every agency) [S44]): this signatory already signed for PEMILU-2024 at"
                + " position 30 (INTEGRITY_PACT, 2023-02-20, recorded by PEMKOT-METRO)")
        .expectNoEvents();
  }
}
