package id.saksi.core.domain.caseflow;

/** How an appeal ended. */
public enum AppealOutcome {
  /** The decision stands. */
  UPHELD,
  /** The decision was replaced by another sanction (objections only). */
  MODIFIED,
  /** The decision was annulled. */
  ANNULLED
}
