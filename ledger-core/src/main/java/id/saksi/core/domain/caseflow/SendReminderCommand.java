package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.reminder-sent}: The recommending authority reminds a PPK who has not acted by the due
 * date (DOMAIN.md step 7).
 *
 * <p>Body: {@code {"number", "sentOn"}}.
 */
public record SendReminderCommand(LetterNumber number, LocalDate sentOn) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.reminder-sent";

  /** Reads the body. */
  public static SendReminderCommand read(JsonFields b) throws RecordParseException {
    SendReminderCommand c = new SendReminderCommand(b.letterNumber("number"), b.date("sentOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
