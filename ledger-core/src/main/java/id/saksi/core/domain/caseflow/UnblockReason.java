package id.saksi.core.domain.caseflow;

/** Why BKN lifted the block on the civil servant's personnel services. */
public enum UnblockReason {
  /** The PPK acted on the recommendation (Perban BKN 1/2023 [S61]). */
  PPK_ACTED,
  /** The case ended otherwise (the person left the service) or a court ordered it. */
  OTHER
}
