package id.saksi.core.domain.caseflow;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.CandidateStage;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code case.found}: a supervisory body's own finding (temuan); opens the case (DOMAIN.md step 1).
 *
 * <p>Body: {@code {"election", "foundOn", "occurredOn", "place", "description", "allegedForm"?,
 * "candidateStage", "reported": {...}}}.
 */
public record FindCaseCommand(
    String election,
    LocalDate foundOn,
    LocalDate occurredOn,
    Digest place,
    Digest description,
    Optional<String> allegedForm,
    CandidateStage candidateStage,
    ReportedPerson reported)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.found";

  /** Reads the body. */
  public static FindCaseCommand read(JsonFields b) throws RecordParseException {
    FindCaseCommand c =
        new FindCaseCommand(
            b.text("election", 40),
            b.date("foundOn"),
            b.date("occurredOn"),
            b.commitment("place"),
            b.commitment("description"),
            b.optionalText("allegedForm", 40),
            b.enumValue("candidateStage", CandidateStage.class),
            ReportedPerson.read(b.object("reported")));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
