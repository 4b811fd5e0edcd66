package id.saksi.api.domain;

import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.METRO;

import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The instrument aggregate adapts the core's instrument decider. */
class InstrumentAggregateTest {
  static final String SE = "instrument/METRO-SE-005-1446-2023";

  AggregateTestFixture<InstrumentAggregate> fixture;
  DomainSteps steps;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(InstrumentAggregate.class);
    fixture.setReportIllegalStateChange(true);
    steps = new DomainSteps(TestLedger.standard());
  }

  static ObjectNode circular() {
    return J.o(
        "kind", "CIRCULAR",
        "number", "005/1446/B-06/2023",
        "issuedOn", "2023-02-06",
        "place", "Metro",
        "nature", "Penting",
        "title", "Pelaksanaan Ikrar Netralitas ASN pada Pemilu dan Pemilihan 2024",
        "addressees", J.a("Para Kepala Perangkat Daerah di Lingkungan Pemerintah Kota Metro"),
        "legalBasis", J.a("UU 5/2014 tentang ASN"),
        "documentDigest", J.doc("se-metro"));
  }

  @Test
  void issued_createsTheInstrument() {
    DomainSteps.Step issue = steps.prepare(METRO, "instrument.issued", SE, circular());

    fixture
        .givenNoPriorActivity()
        .when(RecordInstrumentStatementCommand.of(issue.statement()))
        .expectEvents(issue.expectedEvent());
  }

  @Test
  void issuedTwice_isRejected() {
    DomainSteps.Step first = steps.accept(METRO, "instrument.issued", SE, circular());
    DomainSteps.Step again = steps.prepare(METRO, "instrument.issued", SE, circular());

    fixture
        .givenCommands(RecordInstrumentStatementCommand.of(first.statement()))
        .when(RecordInstrumentStatementCommand.of(again.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(again.outcome().rejection().orElseThrow().toString())
        .expectNoEvents();
  }

  @Test
  void amendedByAnotherAgency_isRejected() {
    DomainSteps.Step first = steps.accept(METRO, "instrument.issued", SE, circular());
    DomainSteps.Step amend =
        steps.prepare(
            BKN,
            "instrument.amended",
            SE,
            J.o(
                "amends", first.statement().position(),
                "number", "005/1500/B-06/2023",
                "amendedOn", "2023-03-01",
                "summary", "Adds contract employees to the pledge schedule",
                "documentDigest", J.doc("amend")));

    fixture
        .givenCommands(RecordInstrumentStatementCommand.of(first.statement()))
        .when(RecordInstrumentStatementCommand.of(amend.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(amend.outcome().rejection().orElseThrow().toString())
        .expectNoEvents();
  }
}
