package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.verified}: The joint task force verified the case (DOMAIN.md step 2).
 *
 * <p>Body: {@code {"verifiedOn"}}.
 */
public record VerifyCaseCommand(LocalDate verifiedOn) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.verified";

  /** Reads the body. */
  public static VerifyCaseCommand read(JsonFields b) throws RecordParseException {
    VerifyCaseCommand c = new VerifyCaseCommand(b.date("verifiedOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
