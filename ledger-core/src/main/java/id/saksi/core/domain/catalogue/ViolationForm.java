package id.saksi.core.domain.catalogue;

import java.util.List;
import java.util.Set;

/**
 * A form of neutrality violation and what it allows: the track it follows at which candidate
 * stages, and the sanction levels it allows.
 *
 * @param code its code, such as {@code DIS-N3}
 * @param title what the act is
 * @param track the track it follows
 * @param stages the candidate stages at which the act is this form
 * @param allowedLevels the sanction levels it allows
 * @param source the source this catalogue follows for the mapping
 * @param alternatives what other sources say, where they disagree
 * @param ref how rejections cite this entry
 */
public record ViolationForm(
    String code,
    String title,
    String track,
    Set<CandidateStage> stages,
    List<String> allowedLevels,
    String source,
    List<Alternative> alternatives,
    String ref) {
  public ViolationForm {
    stages = Set.copyOf(stages);
    allowedLevels = List.copyOf(allowedLevels);
    alternatives = List.copyOf(alternatives);
  }

  /** A source that maps the form differently, and what it says. */
  public record Alternative(String source, String says) {}
}
