package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.registered}: The body that received a report or finding registers it (DOMAIN.md step
 * 1).
 *
 * <p>Body: {@code {"number", "registeredOn"}}.
 */
public record RegisterCaseCommand(LetterNumber number, LocalDate registeredOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.registered";

  /** Reads the body. */
  public static RegisterCaseCommand read(JsonFields b) throws RecordParseException {
    RegisterCaseCommand c =
        new RegisterCaseCommand(b.letterNumber("number"), b.date("registeredOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
