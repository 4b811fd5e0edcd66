package id.saksi.core.domain.instrument;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.LetterNumber;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;

/**
 * {@code instrument.revoked}: a later instrument that revokes this one, naming by position the
 * record that issued it.
 *
 * <p>Body: {@code {"revokes": <position>, "number", "revokedOn", "reason", "documentDigest"}}.
 */
public record RevokeInstrumentCommand(
    Position revokes, LetterNumber number, LocalDate revokedOn, String reason, Hash documentDigest)
    implements InstrumentCommand {
  /** The record type. */
  public static final String TYPE = "instrument.revoked";

  /** Reads the body. */
  public static RevokeInstrumentCommand read(JsonFields b) throws RecordParseException {
    RevokeInstrumentCommand c =
        new RevokeInstrumentCommand(
            b.position("revokes"),
            b.letterNumber("number"),
            b.date("revokedOn"),
            b.text("reason", 1000),
            b.documentDigest("documentDigest"));
    b.end();
    return c;
  }
}
