package id.saksi.core.domain.catalogue;

/** How a sanction can be challenged (PP 79/2021 [S13, S14]). */
public enum AppealRoute {
  /** Keberatan, to the superior of the official who decided: decisions other than dismissal. */
  OBJECTION,
  /** Banding administratif to BPASN: dismissal only. */
  ADMINISTRATIVE_APPEAL,
  /** No administrative challenge (a moral sanction). */
  NONE
}
