package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.regional-head-reprimanded}: The ministry of home affairs reprimands a regional head
 * who, as PPK, has not acted (DOMAIN.md step 7; PP 12/2017).
 *
 * <p>Body: {@code {"number", "reprimandedOn"}}.
 */
public record ReprimandRegionalHeadCommand(LetterNumber number, LocalDate reprimandedOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.regional-head-reprimanded";

  /** Reads the body. */
  public static ReprimandRegionalHeadCommand read(JsonFields b) throws RecordParseException {
    ReprimandRegionalHeadCommand c =
        new ReprimandRegionalHeadCommand(b.letterNumber("number"), b.date("reprimandedOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
