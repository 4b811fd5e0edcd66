package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.appeal-filed}: The civil servant filed an objection or an administrative appeal
 * against the decision (DOMAIN.md step 8).
 *
 * <p>Body: {@code {"decision": <position>, "kind", "number", "filedOn"}}.
 */
public record FileAppealCommand(
    Position decision, AppealKind kind, LetterNumber number, LocalDate filedOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.appeal-filed";

  /** Reads the body. */
  public static FileAppealCommand read(JsonFields b) throws RecordParseException {
    FileAppealCommand c =
        new FileAppealCommand(
            b.position("decision"),
            b.enumValue("kind", AppealKind.class),
            b.letterNumber("number"),
            b.date("filedOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
