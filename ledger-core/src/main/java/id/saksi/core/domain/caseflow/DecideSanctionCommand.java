package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code case.sanction-decided}: the PPK set the sanction decision (SK) (DOMAIN.md step 5).
 *
 * <p>Body: {@code {"number", "decidedOn", "level", "form", "durationMonths"?, "effectiveOn"}};
 * {@code durationMonths} is given exactly for forms that have a duration.
 */
public record DecideSanctionCommand(
    LetterNumber number,
    LocalDate decidedOn,
    String level,
    String form,
    Optional<Integer> durationMonths,
    LocalDate effectiveOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.sanction-decided";

  /** Reads the body. */
  public static DecideSanctionCommand read(JsonFields b) throws RecordParseException {
    DecideSanctionCommand c =
        new DecideSanctionCommand(
            b.letterNumber("number"),
            b.date("decidedOn"),
            b.text("level", 40),
            b.text("form", 40),
            b.optionalInteger("durationMonths", 1, 120).map(Long::intValue),
            b.date("effectiveOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
