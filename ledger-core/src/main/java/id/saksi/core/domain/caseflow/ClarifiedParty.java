package id.saksi.core.domain.caseflow;

/** Who a clarification heard. */
public enum ClarifiedParty {
  /** The reporter. */
  REPORTER,
  /** The reported civil servant. */
  REPORTED,
  /** A witness. */
  WITNESS,
  /** An expert or another party. */
  OTHER
}
