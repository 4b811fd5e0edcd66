package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;

/**
 * {@code case.clarified}: A clarification was held with a party (DOMAIN.md step 3); may repeat.
 *
 * <p>Body: {@code {"clarifiedOn", "party", "minutesDigest"}; the minutes are a document, committed
 * by its SHA-256}.
 */
public record ClarifyCaseCommand(LocalDate clarifiedOn, ClarifiedParty party, Hash minutesDigest)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.clarified";

  /** Reads the body. */
  public static ClarifyCaseCommand read(JsonFields b) throws RecordParseException {
    ClarifyCaseCommand c =
        new ClarifyCaseCommand(
            b.date("clarifiedOn"),
            b.enumValue("party", ClarifiedParty.class),
            b.documentDigest("minutesDigest"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
