package id.saksi.core.domain.caseflow;

/** Why a record is corrected. */
public enum CorrectionReason {
  /** A typing error. */
  CLERICAL_ERROR,
  /** The identity data of a person was wrong. */
  WRONG_IDENTITY,
  /** The wrong document was referenced. */
  WRONG_DOCUMENT,
  /** Another reason. */
  OTHER
}
