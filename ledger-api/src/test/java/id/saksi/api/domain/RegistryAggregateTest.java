package id.saksi.api.domain;

import static id.saksi.core.domain.testing.TestLedger.BKN;
import static id.saksi.core.domain.testing.TestLedger.REGISTRAR;

import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry aggregate adapts the core's registry decider. */
class RegistryAggregateTest {
  AggregateTestFixture<RegistryAggregate> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(RegistryAggregate.class);
    fixture.setReportIllegalStateChange(true);
  }

  @Test
  void genesis_createsTheRegistry() throws Exception {
    TestLedger ledger = TestLedger.genesisOnly();
    StatementToRecord genesis = new DomainSteps(ledger).history("registry").get(0);
    Outcome.Accepted accepted = new LedgerState().decide(ledger.history().get(0)).orThrow();

    fixture
        .givenNoPriorActivity()
        .when(RecordRegistryStatementCommand.of(genesis))
        .expectEvents(StatementRecordedEvent.of(genesis, accepted.events()));
  }

  @Test
  void agencyAndKey_byTheRegistrar_areRecorded() {
    TestLedger ledger = TestLedger.standard();
    DomainSteps steps = new DomainSteps(ledger);
    var history = steps.history("registry");
    DomainSteps.Step agency =
        steps.prepare(
            REGISTRAR,
            "agency.registered",
            "registry",
            J.o(
                "code",
                "BKD-METRO",
                "name",
                "BKD Kota Metro",
                "kind",
                "UNIT",
                "parent",
                "PEMKOT-METRO",
                "ppk",
                false));

    fixture
        .givenCommands(history.stream().map(RecordRegistryStatementCommand::of).toList())
        .when(RecordRegistryStatementCommand.of(agency.statement()))
        .expectEvents(agency.expectedEvent());
  }

  @Test
  void agencyRegisteredByAnAgency_isRejectedAsRegistrarOnly() {
    TestLedger ledger = TestLedger.standard();
    DomainSteps steps = new DomainSteps(ledger);
    var history = steps.history("registry");
    DomainSteps.Step byBkn =
        steps.prepare(
            BKN,
            "agency.registered",
            "registry",
            J.o(
                "code",
                "BKD-METRO",
                "name",
                "BKD Kota Metro",
                "kind",
                "UNIT",
                "parent",
                "PEMKOT-METRO",
                "ppk",
                false));

    fixture
        .givenCommands(history.stream().map(RecordRegistryStatementCommand::of).toList())
        .when(RecordRegistryStatementCommand.of(byBkn.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(
            "registry in state ACTIVE: rule registry.registrar-only (issue 3, registry of"
                + " agencies and keys (the registrar registers agencies); catalogue adoption is"
                + " registrar-signed): agency.registered is signed by the registrar, not by BKN"
                + " (BKN)")
        .expectNoEvents();
  }

  @Test
  void keyOfAnUnknownAgency_isRejected() {
    TestLedger ledger = TestLedger.standard();
    DomainSteps steps = new DomainSteps(ledger);
    var history = steps.history("registry");
    DomainSteps.Step key =
        steps.prepare(
            REGISTRAR,
            "key.added",
            "registry",
            J.o("agency", "NOWHERE", "publicKey", TestLedger.key("NOWHERE#1").base64()));

    fixture
        .givenCommands(history.stream().map(RecordRegistryStatementCommand::of).toList())
        .when(RecordRegistryStatementCommand.of(key.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(key.outcome().rejection().orElseThrow().toString())
        .expectNoEvents();
  }
}
