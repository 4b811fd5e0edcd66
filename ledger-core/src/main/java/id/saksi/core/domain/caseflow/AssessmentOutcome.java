package id.saksi.core.domain.caseflow;

/** What the assessment (kajian) concluded (DOMAIN.md step 3 [S10, S26, S30]). */
public enum AssessmentOutcome {
  /** A neutrality violation, of the listed forms. */
  VIOLATION,
  /** No violation. */
  NO_VIOLATION,
  /** A violation of another law, for the competent body (UU 7/2017 Pasal 455). */
  OTHER_LAW,
  /** A crime, referred to Gakkumdu. */
  CRIMINAL
}
