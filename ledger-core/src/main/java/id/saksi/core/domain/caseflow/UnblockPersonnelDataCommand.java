package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.personnel-unblocked}: BKN lifts the block (DOMAIN.md step 7).
 *
 * <p>Body: {@code {"number", "unblockedOn", "reason"}}.
 */
public record UnblockPersonnelDataCommand(
    LetterNumber number, LocalDate unblockedOn, UnblockReason reason) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.personnel-unblocked";

  /** Reads the body. */
  public static UnblockPersonnelDataCommand read(JsonFields b) throws RecordParseException {
    UnblockPersonnelDataCommand c =
        new UnblockPersonnelDataCommand(
            b.letterNumber("number"),
            b.date("unblockedOn"),
            b.enumValue("reason", UnblockReason.class));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
