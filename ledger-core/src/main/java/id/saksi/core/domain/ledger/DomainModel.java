package id.saksi.core.domain.ledger;

import id.saksi.core.domain.AggregateKind;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseCommand;
import id.saksi.core.domain.caseflow.CaseDecider;
import id.saksi.core.domain.caseflow.CaseEvent;
import id.saksi.core.domain.caseflow.CaseState;
import id.saksi.core.domain.instrument.InstrumentCommand;
import id.saksi.core.domain.instrument.InstrumentDecider;
import id.saksi.core.domain.instrument.InstrumentEvent;
import id.saksi.core.domain.instrument.InstrumentState;
import id.saksi.core.domain.pact.PactDecider;
import id.saksi.core.domain.pact.PactSignedEvent;
import id.saksi.core.domain.pact.PactState;
import id.saksi.core.domain.pact.SignPactCommand;
import id.saksi.core.domain.registry.RegistryCommand;
import id.saksi.core.domain.registry.RegistryDecider;
import id.saksi.core.domain.registry.RegistryEvent;
import id.saksi.core.domain.registry.RegistryState;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.Decision;
import id.saksi.core.domain.validation.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The domain's one entry point for a ledger (the service and the standalone verifier): read a
 * statement's type, subject and body into a typed record, then decide it against its aggregate's
 * current state and the context, getting the events and the new state, or a rejection.
 *
 * <p>Stateless and thread-safe; {@link LedgerState} holds the states for a sequential replay.
 */
public final class DomainModel {
  private DomainModel() {}

  /**
   * Reads a statement's {@code type}, {@code subject} and {@code body}: an unknown type, a subject
   * of the wrong kind, or a body that does not follow the type's schema (unknown, missing, mistyped
   * or over-long fields) is a {@link RecordParseException} naming the field.
   */
  public static ParsedRecord parse(String type, String subject, JsonNode body)
      throws RecordParseException {
    Optional<RecordType> t = RecordType.of(type);
    if (t.isEmpty()) {
      List<String> known = new ArrayList<>();
      for (RecordType r : RecordType.values()) {
        known.add(r.wire());
      }
      throw new RecordParseException(
          "type", "is \"" + Texts.quoteSafe(type) + "\", not a record type; types: " + known);
    }
    Subject s = Subject.parse(subject);
    if (s.kind() != t.get().aggregate()) {
      throw new RecordParseException(
          "subject",
          "is " + s + ", but a " + type + " record is about " + example(t.get().aggregate()));
    }
    JsonFields fields = JsonFields.of(body, "body");
    Object command = t.get().read(fields);
    return new ParsedRecord(t.get(), s, command, fields.commitments());
  }

  private static String example(AggregateKind kind) {
    switch (kind) {
      case REGISTRY:
        return "\"registry\"";
      case INSTRUMENT:
        return "an instrument/ID";
      case PACT:
        return "a pact/ELECTION/PERSON-REF";
      default:
        return "a case/ID";
    }
  }

  /**
   * Decides {@code record} against the current state of its aggregate ({@code null} if the
   * aggregate does not exist yet; for the registry, {@link RegistryState#EMPTY} before genesis), in
   * {@code ctx}. Never throws on a record that parsed; changes nothing.
   */
  public static Outcome decide(Object currentState, ParsedRecord record, Context ctx) {
    Subject subject = record.subject();
    switch (record.type().aggregate()) {
      case REGISTRY:
        {
          RegistryState s =
              currentState == null ? RegistryState.EMPTY : (RegistryState) currentState;
          Decision<RegistryEvent> d =
              RegistryDecider.decide((RegistryCommand) record.command(), s, ctx);
          if (!d.accepted()) {
            return Outcome.rejected(d.rejection().orElseThrow());
          }
          RegistryState next = s;
          for (RegistryEvent e : d.eventsOrFail()) {
            next = RegistryDecider.evolve(next, e);
          }
          return Outcome.accepted(ctx.position(), subject, d.eventsOrFail(), next);
        }
      case INSTRUMENT:
        {
          Optional<InstrumentState> s = Optional.ofNullable((InstrumentState) currentState);
          Decision<InstrumentEvent> d =
              InstrumentDecider.decide(subject, (InstrumentCommand) record.command(), s, ctx);
          if (!d.accepted()) {
            return Outcome.rejected(d.rejection().orElseThrow());
          }
          for (InstrumentEvent e : d.eventsOrFail()) {
            s = Optional.of(InstrumentDecider.evolve(subject, s, e));
          }
          return Outcome.accepted(ctx.position(), subject, d.eventsOrFail(), s.orElseThrow());
        }
      case PACT:
        {
          Optional<PactState> s = Optional.ofNullable((PactState) currentState);
          Decision<PactSignedEvent> d =
              PactDecider.decide(subject, (SignPactCommand) record.command(), s, ctx);
          if (!d.accepted()) {
            return Outcome.rejected(d.rejection().orElseThrow());
          }
          PactState next = null;
          for (PactSignedEvent e : d.eventsOrFail()) {
            next = PactDecider.evolve(subject, e);
          }
          return Outcome.accepted(ctx.position(), subject, d.eventsOrFail(), next);
        }
      default:
        {
          Optional<CaseState> s = Optional.ofNullable((CaseState) currentState);
          Decision<CaseEvent> d =
              CaseDecider.decide(subject, (CaseCommand) record.command(), s, ctx);
          if (!d.accepted()) {
            return Outcome.rejected(d.rejection().orElseThrow());
          }
          for (CaseEvent e : d.eventsOrFail()) {
            s = Optional.of(CaseDecider.evolve(subject, s, e));
          }
          return Outcome.accepted(ctx.position(), subject, d.eventsOrFail(), s.orElseThrow());
        }
    }
  }
}
