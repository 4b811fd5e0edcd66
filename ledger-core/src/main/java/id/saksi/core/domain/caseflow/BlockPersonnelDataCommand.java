package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.personnel-blocked}: BKN blocks the civil servant's personnel services in SIASN until
 * the PPK acts (DOMAIN.md step 7; Perban BKN 1/2023).
 *
 * <p>Body: {@code {"number", "blockedOn"}}.
 */
public record BlockPersonnelDataCommand(LetterNumber number, LocalDate blockedOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.personnel-blocked";

  /** Reads the body. */
  public static BlockPersonnelDataCommand read(JsonFields b) throws RecordParseException {
    BlockPersonnelDataCommand c =
        new BlockPersonnelDataCommand(b.letterNumber("number"), b.date("blockedOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
