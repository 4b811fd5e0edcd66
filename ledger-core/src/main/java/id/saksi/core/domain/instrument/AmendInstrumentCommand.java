package id.saksi.core.domain.instrument;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;

/**
 * {@code instrument.amended}: a later instrument that amends this one, naming by position the
 * record it amends (the issue or an earlier amendment).
 *
 * <p>Body: {@code {"amends": <position>, "number", "amendedOn", "summary", "documentDigest"}}.
 */
public record AmendInstrumentCommand(
    Position amends, LetterNumber number, LocalDate amendedOn, String summary, Hash documentDigest)
    implements InstrumentCommand {
  /** The record type. */
  public static final String TYPE = "instrument.amended";

  /** Reads the body. */
  public static AmendInstrumentCommand read(JsonFields b) throws RecordParseException {
    AmendInstrumentCommand c =
        new AmendInstrumentCommand(
            b.position("amends"),
            b.letterNumber("number"),
            b.date("amendedOn"),
            b.text("summary", 1000),
            b.documentDigest("documentDigest"));
    b.end();
    return c;
  }
}
