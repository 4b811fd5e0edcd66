package id.saksi.core.domain.caseflow;

/** How a case began (DOMAIN.md step 1). */
public enum Origin {
  /** A report (laporan) by anyone. */
  REPORT,
  /** A finding (temuan) of a supervisory body. */
  FINDING
}
