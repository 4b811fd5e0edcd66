package id.saksi.api.domain;

import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.Outcome;

/** The one call every aggregate's command handler makes: the core's decide, or a rejection. */
final class StatementDecisions {
  private StatementDecisions() {}

  /**
   * Decides {@code statement} against {@code state} (null if the aggregate does not exist yet).
   *
   * @throws StatementRejectedException if the domain refuses it
   */
  static Outcome.Accepted decide(Object state, StatementToRecord statement) {
    Outcome outcome = DomainModel.decide(state, statement.record(), statement.context());
    if (!outcome.accepted()) {
      throw new StatementRejectedException(outcome.rejection().orElseThrow());
    }
    return (Outcome.Accepted) outcome;
  }
}
