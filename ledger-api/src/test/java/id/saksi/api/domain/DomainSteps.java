package id.saksi.api.domain;

import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.RejectedException;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds record-statement commands from the core's test ledger, so that fixture tests feed the
 * aggregates exactly what the sequencer would: a signed statement at the ledger's next position,
 * its parsed record, and the context the core's replay state gives there. The expected outcome is
 * decided by the core's {@link id.saksi.core.domain.ledger.LedgerState}, independently of Axon.
 */
final class DomainSteps {
  private final TestLedger ledger;
  private final Map<Long, StatementToRecord> statements = new HashMap<>();

  DomainSteps(TestLedger ledger) {
    this.ledger = ledger;
  }

  /** A prepared step: the command's payload and what the core decides for it. */
  record Step(StatementToRecord statement, Outcome outcome, Submission submission) {
    /** The event the aggregate must apply if the core accepts the step. */
    StatementRecordedEvent expectedEvent() {
      return StatementRecordedEvent.of(statement, ((Outcome.Accepted) outcome).events());
    }
  }

  /**
   * The statements of every record the test ledger accepted so far whose subject is {@code
   * subject}, each with the context it had at its position: the givens of a fixture test.
   */
  List<StatementToRecord> history(String subject) {
    // recorded() fills statements by position as it replays.
    List<StatementToRecord> out = new ArrayList<>();
    for (StatementRecordedEvent e : recorded(subject)) {
      out.add(statements.get(e.index()));
    }
    return out;
  }

  /** The events the aggregate of {@code subject} applied for every record accepted so far. */
  List<StatementRecordedEvent> recorded(String subject) {
    LedgerState replay = new LedgerState();
    List<StatementRecordedEvent> out = new ArrayList<>();
    for (Submission s : ledger.history()) {
      StatementToRecord str = toRecord(s, replay.context(s));
      Outcome.Accepted accepted;
      try {
        accepted = replay.apply(s).orThrow();
      } catch (RecordParseException | RejectedException e) {
        throw new AssertionError(e);
      }
      statements.put(str.position().value(), str);
      if (s.subject().equals(subject)) {
        out.add(StatementRecordedEvent.of(str, accepted.events()));
      }
    }
    return out;
  }

  /** Prepares {@code type} by {@code agency} at the next position, changing nothing. */
  Step prepare(AgencyCode agency, String type, String subject, JsonNode body) {
    Submission s = ledger.submission(agency, type, subject, body, TestLedger.LATE);
    try {
      return new Step(toRecord(s, ledger.state().context(s)), ledger.state().decide(s), s);
    } catch (RecordParseException e) {
      throw new AssertionError(e);
    }
  }

  private StatementToRecord toRecord(Submission s, Context context) {
    try {
      Statement statement =
          Statement.create(
              s.type(),
              s.agency().value(),
              s.key(),
              s.subject(),
              s.issuedAt(),
              String.format(Locale.ROOT, "fixture-nonce-%010d", s.position().value()),
              s.body());
      StatementSignature signature =
          Statements.sign(statement, TestLedger.privateKey(s.agency().value() + "#1"));
      ParsedRecord record = DomainModel.parse(s.type(), s.subject(), s.body());
      return new StatementToRecord(s.position(), statement, List.of(signature), record, context);
    } catch (EntryFormatException | RecordParseException e) {
      throw new AssertionError(e);
    }
  }

  /** Commits a step the core accepted into the test ledger, so the next step follows it. */
  Step commit(Step step) {
    ledger.accept(
        step.submission().agency(),
        step.submission().type(),
        step.submission().subject(),
        step.submission().body());
    return step;
  }

  /** Prepares and commits. */
  Step accept(AgencyCode agency, String type, String subject, JsonNode body) {
    return commit(prepare(agency, type, subject, body));
  }
}
