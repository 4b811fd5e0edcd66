package id.saksi.core.domain.pact;

/** What was signed. */
public enum PactKind {
  /** Pakta integritas: the integrity pact. */
  INTEGRITY_PACT,
  /** Ikrar netralitas: the neutrality pledge. */
  NEUTRALITY_PLEDGE
}
