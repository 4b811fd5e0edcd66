package id.saksi.core.domain.catalogue;

/**
 * The stage of the candidacy an alleged act supported. The same act is a code-of-ethics violation
 * before official candidacy and a disciplinary one after it [S24, S25, S26], so every allegation
 * records the stage.
 */
public enum CandidateStage {
  /** Bakal calon: before the election commission sets the candidates. */
  PROSPECTIVE_CANDIDATE,
  /** Calon: an officially set candidate. */
  CANDIDATE
}
