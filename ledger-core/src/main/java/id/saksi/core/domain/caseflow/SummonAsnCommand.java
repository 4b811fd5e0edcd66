package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * {@code case.summoned}: The direct superior summons the civil servant in writing (PP 94/2021 Pasal
 * 26; DOMAIN.md step 5); may repeat.
 *
 * <p>Body: {@code {"number", "summonedOn", "hearingOn"}}.
 */
public record SummonAsnCommand(LetterNumber number, LocalDate summonedOn, LocalDate hearingOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.summoned";

  /** Reads the body. */
  public static SummonAsnCommand read(JsonFields b) throws RecordParseException {
    SummonAsnCommand c =
        new SummonAsnCommand(b.letterNumber("number"), b.date("summonedOn"), b.date("hearingOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
