package id.saksi.core.domain.catalogue;

/**
 * The deadlines the workflow knows; their lengths, units and sources are catalogue data, which must
 * define every one of them for every election kind.
 */
public enum DeadlineId {
  /** A public report, counted from the day the violation became known (UU 7/2017 Pasal 454). */
  REPORT_FILING,
  /** Setting a supervisor's finding as a temuan, counted from the day it was found. */
  FINDING_SETTING,
  /** Verification by the joint task force, counted from registration. */
  VERIFICATION,
  /** Clarification and assessment (kajian), counted from registration; may be extended. */
  ASSESSMENT,
  /** The PPK's follow-up of a recommendation when the recommendation sets no date. */
  PPK_FOLLOW_UP,
  /** Delivery of the sanction decision, counted from the day it was set. */
  DECISION_DELIVERY,
  /** Filing an objection (keberatan), counted from delivery. */
  OBJECTION_FILING,
  /** Filing an administrative appeal to BPASN, counted from delivery. */
  ADMINISTRATIVE_APPEAL_FILING,
  /** The PPK's answer to an administrative appeal, counted from filing. */
  APPEAL_ANSWER,
  /** The regional head's answer to a reprimand by the ministry of home affairs. */
  REGIONAL_HEAD_RESPONSE
}
