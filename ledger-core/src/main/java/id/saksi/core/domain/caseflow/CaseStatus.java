package id.saksi.core.domain.caseflow;

/**
 * Where a case stands in the workflow of DOMAIN.md; see the state machine in docs/domain.md. The
 * overdue branch (reminder, reprimand, blocking) does not change the status: it is tracked beside
 * it while the PPK has not decided.
 */
public enum CaseStatus {
  /** A report or finding was received (step 1). */
  RECEIVED,
  /** Registered by the body that received it (step 1). */
  REGISTERED,
  /** Verified by the joint task force (step 2). */
  VERIFIED,
  /** At least one clarification was held (step 3). */
  CLARIFIED,
  /** Assessed as a violation (step 3). */
  ASSESSED,
  /** Assessed as no violation; awaits closure. */
  NO_VIOLATION,
  /** Referred to another competent body or to Gakkumdu; awaits closure (step 3). */
  REFERRED,
  /** Forwarded to the recommending authority (step 4). */
  FORWARDED,
  /** A recommendation was addressed to the PPK (step 4). */
  RECOMMENDED,
  /** The civil servant was summoned (step 5). */
  SUMMONED,
  /** The civil servant was examined (step 5). */
  EXAMINED,
  /** The PPK decided a sanction (step 5). */
  DECIDED,
  /** The decision was delivered; the appeal window is open (steps 5, 8). */
  APPEAL_WINDOW,
  /** An objection or administrative appeal was filed (step 8). */
  APPEALED,
  /** The appeal annulled the decision; awaits closure (step 8). */
  ANNULLED,
  /** The sanction is final (step 8). */
  IN_FORCE,
  /** The sanction was served (step 6). */
  SERVED,
  /** Closed, with a reason; only corrections follow. */
  CLOSED
}
