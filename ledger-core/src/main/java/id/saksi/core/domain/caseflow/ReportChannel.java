package id.saksi.core.domain.caseflow;

/** Where a report came in (DOMAIN.md step 1 [S6, S57, S58]). */
public enum ReportChannel {
  /** BKN's SBT (multi-agency case sharing). */
  SBT,
  /** Bawaslu's SiGapLapor. */
  SIGAPLAPOR,
  /** In person or by letter at a Bawaslu office. */
  BAWASLU_OFFICE,
  /** KemenPANRB's SP4N-LAPOR. */
  SP4N_LAPOR,
  /** Any other channel. */
  OTHER
}
