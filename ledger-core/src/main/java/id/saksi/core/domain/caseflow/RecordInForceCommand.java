package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.in-force}: The sanction became final: the appeal window lapsed without an appeal
 * (DOMAIN.md step 8).
 *
 * <p>Body: {@code {"decision": <position>, "inForceOn"}}.
 */
public record RecordInForceCommand(Position decision, LocalDate inForceOn) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.in-force";

  /** Reads the body. */
  public static RecordInForceCommand read(JsonFields b) throws RecordParseException {
    RecordInForceCommand c = new RecordInForceCommand(b.position("decision"), b.date("inForceOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
