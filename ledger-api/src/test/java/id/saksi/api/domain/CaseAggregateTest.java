package id.saksi.api.domain;

import static id.saksi.core.domain.testing.TestLedger.BAWASLU_LAMPUNG;
import static id.saksi.core.domain.testing.TestLedger.BKN;
import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The case aggregate adapts the core's case decider: events when accepted, nothing when not. */
class CaseAggregateTest {
  AggregateTestFixture<CaseAggregate> fixture;
  TestLedger ledger;
  DomainSteps steps;
  CaseScript script;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(CaseAggregate.class);
    fixture.setReportIllegalStateChange(true);
    ledger = TestLedger.standard();
    steps = new DomainSteps(ledger);
    script = new CaseScript(ledger, "FIX-1");
  }

  private DomainSteps.Step reported() {
    DomainSteps.Step step =
        steps.accept(
            BAWASLU_LAMPUNG, "case.reported", script.subject, script.reportBody("CANDIDATE", null));
    script.day = script.day.plusDays(2);
    return step;
  }

  @Test
  void report_createsTheCaseWithOneEventAtItsPosition() {
    DomainSteps.Step report =
        steps.prepare(
            BAWASLU_LAMPUNG, "case.reported", script.subject, script.reportBody("CANDIDATE", null));

    fixture
        .givenNoPriorActivity()
        .when(RecordCaseStatementCommand.of(report.statement()))
        .expectSuccessfulHandlerExecution()
        .expectEvents(report.expectedEvent());
    assertThat(report.expectedEvent().index()).isEqualTo(report.statement().position().value());
  }

  @Test
  void registered_afterReport_appliesItsEvent() {
    DomainSteps.Step report = reported();
    DomainSteps.Step register =
        steps.prepare(BAWASLU_LAMPUNG, "case.registered", script.subject, script.registerBody());

    fixture
        .givenCommands(RecordCaseStatementCommand.of(report.statement()))
        .when(RecordCaseStatementCommand.of(register.statement()))
        .expectEvents(register.expectedEvent());
  }

  @Test
  void verifiedBeforeRegistered_isRejectedWithRuleAndSourceAndAppendsNothing() {
    DomainSteps.Step report = reported();
    DomainSteps.Step verify =
        steps.prepare(BKN, "case.verified", script.subject, script.verifyBody());
    assertThat(verify.outcome().accepted()).isFalse();

    fixture
        .givenCommands(RecordCaseStatementCommand.of(report.statement()))
        .when(RecordCaseStatementCommand.of(verify.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(verify.outcome().rejection().orElseThrow().toString())
        .expectExceptionMessage(
            "case/FIX-1 in state RECEIVED: rule case.verified.from-state (DOMAIN.md step 2:"
                + " verification by the joint task force (BKN, KemenPANRB, Kemendagri, Bawaslu)"
                + " [S6]): case.verified cannot follow state RECEIVED; it follows REGISTERED (from"
                + " RECEIVED the next step is case.registered or case.not-registered)")
        .expectNoEvents();
  }

  @Test
  void stepOnACaseThatDoesNotExist_isRejectedAndCreatesNothing() {
    DomainSteps.Step register =
        steps.prepare(BAWASLU_LAMPUNG, "case.registered", script.subject, script.registerBody());

    fixture
        .givenNoPriorActivity()
        .when(RecordCaseStatementCommand.of(register.statement()))
        .expectException(StatementRejectedException.class)
        .expectExceptionMessage(register.outcome().rejection().orElseThrow().toString())
        .expectNoEvents();
  }
}
