package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.appeal-answered}: The PPK answered an administrative appeal (DOMAIN.md step 8: within
 * 21 days).
 *
 * <p>Body: {@code {"appeal": <position of case.appeal-filed>, "number", "answeredOn"}}.
 */
public record AnswerAppealCommand(Position appeal, LetterNumber number, LocalDate answeredOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.appeal-answered";

  /** Reads the body. */
  public static AnswerAppealCommand read(JsonFields b) throws RecordParseException {
    AnswerAppealCommand c =
        new AnswerAppealCommand(
            b.position("appeal"), b.letterNumber("number"), b.date("answeredOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
