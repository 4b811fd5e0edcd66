package id.saksi.core.domain.caseflow;

/** Why a case was closed. */
public enum ClosureReason {
  /** Not registered (set by case.not-registered). */
  NOT_REGISTERED,
  /** Verification found nothing to pursue. */
  NOT_VERIFIED,
  /** Assessed as no violation. */
  NO_VIOLATION,
  /** Referred to another body. */
  REFERRED,
  /** The same matter is another case. */
  DUPLICATE,
  /** Opened in error (for example against the wrong agency); before any sanction. */
  RECORDED_IN_ERROR,
  /** The PPK's examination found no violation. */
  EXAMINATION_NO_VIOLATION,
  /** The sanction was annulled on appeal. */
  ANNULLED,
  /** The sanction was served. */
  SERVED,
  /** The civil servant left the service (death, retirement, dismissal on other grounds). */
  SUBJECT_LEFT_SERVICE
}
