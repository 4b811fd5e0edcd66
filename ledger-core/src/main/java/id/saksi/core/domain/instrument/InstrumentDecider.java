package id.saksi.core.domain.instrument;

import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.Decision;
import id.saksi.core.domain.rule.Guard;
import id.saksi.core.domain.rule.RejectedException;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.Optional;

/** decide and evolve for instruments; every rule of {@link InstrumentRules} lives in decide. */
public final class InstrumentDecider {
  private InstrumentDecider() {}

  /** The events {@code command} produces for {@code subject} in {@code state}, or why not. */
  public static Decision<InstrumentEvent> decide(
      Subject subject, InstrumentCommand command, Optional<InstrumentState> state, Context ctx) {
    Guard g = new Guard(subject, state.map(s -> s.status().name()).orElse("NONE"));
    try {
      return Decision.accept(decideOrThrow(command, state, ctx, g));
    } catch (RejectedException e) {
      return Decision.reject(e.rejection());
    }
  }

  private static InstrumentEvent decideOrThrow(
      InstrumentCommand command, Optional<InstrumentState> state, Context ctx, Guard g)
      throws RejectedException {
    AgencyInfo actor = g.actor(ctx);
    if (command instanceof IssueInstrumentCommand) {
      IssueInstrumentCommand c = (IssueInstrumentCommand) command;
      g.check(
          state.isEmpty(),
          InstrumentRules.UNIQUE,
          () ->
              g.subject()
                  + " was already issued at position "
                  + state.orElseThrow().log().first().orElseThrow().position()
                  + "; choose another instrument ID");
      g.check(
          actor.kind() != AgencyKind.REGISTRAR,
          InstrumentRules.ISSUER_KIND,
          () -> "the registrar does not issue instruments; the issuing agency signs them");
      for (AgencyCode co : c.coIssuers()) {
        Optional<AgencyInfo> info = ctx.registry().agency(co);
        g.check(
            info.isPresent() && !co.equals(actor.code()),
            InstrumentRules.CO_ISSUERS,
            () ->
                co.equals(actor.code())
                    ? co + " signs the record and is the issuer; do not list it as a co-issuer"
                    : "co-issuer " + co + " is not registered");
      }
      g.notFuture(ctx, "issuedOn", c.issuedOn());
      g.letterMatchesDate(c.number(), "issuedOn", c.issuedOn());
      return new InstrumentIssuedEvent(ctx.meta(), c);
    }
    if (state.isEmpty()) {
      throw g.fail(
          InstrumentRules.EXISTS,
          g.subject() + " has not been issued; record instrument.issued first");
    }
    InstrumentState s = state.get();
    g.check(
        actor.code().equals(s.issuer()),
        InstrumentRules.ISSUER_ONLY,
        () ->
            g.subject()
                + " was issued by "
                + s.issuer()
                + "; "
                + actor.code()
                + " cannot change it");
    g.check(
        s.status() != InstrumentStatus.REVOKED,
        InstrumentRules.NOT_REVOKED,
        () ->
            g.subject()
                + " was revoked at position "
                + s.log().last(RevokeInstrumentCommand.TYPE).orElseThrow().position());
    if (command instanceof AmendInstrumentCommand) {
      AmendInstrumentCommand c = (AmendInstrumentCommand) command;
      Optional<RecordLog.Entry> ref = s.log().find(c.amends());
      g.check(
          ref.isPresent(),
          InstrumentRules.REFERENCE,
          () ->
              "position "
                  + c.amends()
                  + " is not a record of "
                  + g.subject()
                  + "; its records are at "
                  + positions(s.log()));
      g.notBefore("amendedOn", c.amendedOn(), "the issue date", s.issuedOn());
      g.notFuture(ctx, "amendedOn", c.amendedOn());
      g.letterMatchesDate(c.number(), "amendedOn", c.amendedOn());
      return new InstrumentAmendedEvent(ctx.meta(), c);
    }
    RevokeInstrumentCommand c = (RevokeInstrumentCommand) command;
    RecordLog.Entry issue = s.log().first().orElseThrow();
    g.check(
        issue.position().equals(c.revokes()),
        InstrumentRules.REFERENCE,
        () ->
            "a revocation names the record that issued "
                + g.subject()
                + ", at position "
                + issue.position()
                + ", not "
                + c.revokes());
    g.notBefore("revokedOn", c.revokedOn(), "the issue date", s.issuedOn());
    g.notFuture(ctx, "revokedOn", c.revokedOn());
    g.letterMatchesDate(c.number(), "revokedOn", c.revokedOn());
    return new InstrumentRevokedEvent(ctx.meta(), c);
  }

  private static String positions(RecordLog log) {
    StringBuilder out = new StringBuilder();
    for (RecordLog.Entry e : log.entries()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(e.position());
    }
    return out.toString();
  }

  /** The state after {@code event}; total on every sequence of events decide accepted. */
  public static InstrumentState evolve(
      Subject subject, Optional<InstrumentState> state, InstrumentEvent event) {
    if (event instanceof InstrumentIssuedEvent) {
      IssueInstrumentCommand c = ((InstrumentIssuedEvent) event).command();
      return new InstrumentState(
          subject,
          InstrumentStatus.IN_FORCE,
          c.kind(),
          event.meta().agency(),
          c.number(),
          c.issuedOn(),
          0,
          RecordLog.EMPTY.append(
              event.meta().position(), IssueInstrumentCommand.TYPE, event.meta().agency()));
    }
    InstrumentState s = state.orElseThrow();
    if (event instanceof InstrumentAmendedEvent) {
      return new InstrumentState(
          s.subject(),
          s.status(),
          s.kind(),
          s.issuer(),
          s.number(),
          s.issuedOn(),
          s.amendments() + 1,
          s.log()
              .append(event.meta().position(), AmendInstrumentCommand.TYPE, event.meta().agency()));
    }
    return new InstrumentState(
        s.subject(),
        InstrumentStatus.REVOKED,
        s.kind(),
        s.issuer(),
        s.number(),
        s.issuedOn(),
        s.amendments(),
        s.log()
            .append(event.meta().position(), RevokeInstrumentCommand.TYPE, event.meta().agency()));
  }
}
