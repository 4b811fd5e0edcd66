package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code case.appeal-decided}: the objection or administrative appeal was decided: upheld, modified
 * (objections only) or annulled (DOMAIN.md step 8).
 *
 * <p>Body: {@code {"appeal": <position of case.appeal-filed>, "number", "decidedOn", "outcome",
 * "modified"?: {...}}}; {@code modified} is given exactly for MODIFIED.
 */
public record DecideAppealCommand(
    Position appeal,
    LetterNumber number,
    LocalDate decidedOn,
    AppealOutcome outcome,
    Optional<ModifiedSanction> modified)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.appeal-decided";

  /** Reads the body. */
  public static DecideAppealCommand read(JsonFields b) throws RecordParseException {
    Position appeal = b.position("appeal");
    LetterNumber number = b.letterNumber("number");
    LocalDate decidedOn = b.date("decidedOn");
    AppealOutcome outcome = b.enumValue("outcome", AppealOutcome.class);
    Optional<JsonFields> m = b.optionalObject("modified");
    Optional<ModifiedSanction> modified =
        m.isPresent() ? Optional.of(ModifiedSanction.read(m.get())) : Optional.empty();
    b.end();
    if ((outcome == AppealOutcome.MODIFIED) != modified.isPresent()) {
      throw new RecordParseException(
          b.pathOf("modified"),
          outcome == AppealOutcome.MODIFIED
              ? "is missing; a MODIFIED outcome gives the sanction that replaces the original"
              : "is given, but the outcome is " + outcome + "; leave it out");
    }
    return new DecideAppealCommand(appeal, number, decidedOn, outcome, modified);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
