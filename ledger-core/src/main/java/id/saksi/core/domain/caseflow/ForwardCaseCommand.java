package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.forwarded}: The assessing body forwards a violation to the recommending authority
 * (DOMAIN.md step 4).
 *
 * <p>Body: {@code {"number", "forwardedOn", "to"}}.
 */
public record ForwardCaseCommand(LetterNumber number, LocalDate forwardedOn, AgencyCode to)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.forwarded";

  /** Reads the body. */
  public static ForwardCaseCommand read(JsonFields b) throws RecordParseException {
    ForwardCaseCommand c =
        new ForwardCaseCommand(b.letterNumber("number"), b.date("forwardedOn"), b.agency("to"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
