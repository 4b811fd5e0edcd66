package id.saksi.core.domain.pact;

import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.Decision;
import id.saksi.core.domain.rule.Guard;
import id.saksi.core.domain.rule.RejectedException;
import java.util.Optional;

/** decide and evolve for pacts; every rule of {@link PactRules} lives in decide. */
public final class PactDecider {
  private PactDecider() {}

  /** The event {@code command} produces for {@code subject} in {@code state}, or why not. */
  public static Decision<PactSignedEvent> decide(
      Subject subject, SignPactCommand command, Optional<PactState> state, Context ctx) {
    Guard g = new Guard(subject, state.isPresent() ? "SIGNED" : "NONE");
    try {
      AgencyInfo actor = g.actor(ctx);
      SignPactCommand c = command;
      g.check(
          state.isEmpty(),
          PactRules.ONE_PER_SIGNATORY,
          () ->
              "this signatory already signed for "
                  + c.election()
                  + " at position "
                  + state.orElseThrow().signedAt()
                  + " ("
                  + state.orElseThrow().kind()
                  + ", "
                  + state.orElseThrow().signedOn()
                  + ", recorded by "
                  + state.orElseThrow().recordedBy()
                  + ")");
      String expected = c.election() + "/" + c.signatory().text();
      g.check(
          subject.id().equals(expected),
          PactRules.SUBJECT_MATCHES,
          () -> "the body is about pact/" + expected + " but the subject is " + subject);
      g.check(
          actor.kind() != AgencyKind.REGISTRAR,
          PactRules.RECORDER_KIND,
          () -> "the registrar does not record pacts; the signatory's agency does");
      Catalogue catalogue = g.catalogue(ctx);
      g.check(
          catalogue.election(c.election()).isPresent(),
          PactRules.ELECTION_KNOWN,
          () -> catalogue.label() + ", elections",
          () ->
              "election "
                  + c.election()
                  + " is not in "
                  + catalogue.label()
                  + "; elections: "
                  + catalogue.elections().keySet());
      g.check(
          ctx.registry().agency(c.agency()).isPresent()
              && ctx.registry().isSelfOrUnitOf(c.agency(), actor.code()),
          PactRules.AGENCY,
          () ->
              ctx.registry().agency(c.agency()).isEmpty()
                  ? "the signatory's agency " + c.agency() + " is not registered"
                  : "the signatory's agency "
                      + c.agency()
                      + " is neither "
                      + actor.code()
                      + " nor one of its units; the signatory's own agency records the pact");
      g.notFuture(ctx, "signedOn", c.signedOn());
      return Decision.accept(new PactSignedEvent(ctx.meta(), c));
    } catch (RejectedException e) {
      return Decision.reject(e.rejection());
    }
  }

  /** The state after {@code event}. */
  public static PactState evolve(Subject subject, PactSignedEvent event) {
    SignPactCommand c = event.command();
    return new PactState(
        subject,
        event.meta().position(),
        event.meta().agency(),
        c.agency(),
        c.kind(),
        c.signedOn());
  }
}
