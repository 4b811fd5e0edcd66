package id.saksi.core.domain.caseflow;

/** Why a report or finding was not registered. */
public enum NotRegisteredReason {
  /** Formal or material requirements are missing (UU 7/2017 Pasal 454 [S10]). */
  INCOMPLETE,
  /** Received after the reporting deadline. */
  LATE,
  /** The reported person is not a civil servant. */
  NOT_ASN,
  /** The act is not about neutrality. */
  NOT_NEUTRALITY,
  /** The same matter is already registered. */
  DUPLICATE,
  /** Another reason. */
  OTHER
}
