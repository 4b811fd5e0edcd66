package id.saksi.core.domain.caseflow;

/** The administrative remedies of PP 79/2021 [S13, S14]. */
public enum AppealKind {
  /** Keberatan: decisions other than dismissal. */
  OBJECTION,
  /** Banding administratif to BPASN: dismissal only. */
  ADMINISTRATIVE_APPEAL
}
