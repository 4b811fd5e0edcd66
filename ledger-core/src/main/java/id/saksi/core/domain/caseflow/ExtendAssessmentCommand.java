package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.assessment-extended}: The assessing body extends the assessment period once, as the
 * election law allows (DOMAIN.md step 3).
 *
 * <p>Body: {@code {"extendedOn"}}.
 */
public record ExtendAssessmentCommand(LocalDate extendedOn) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.assessment-extended";

  /** Reads the body. */
  public static ExtendAssessmentCommand read(JsonFields b) throws RecordParseException {
    ExtendAssessmentCommand c = new ExtendAssessmentCommand(b.date("extendedOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
