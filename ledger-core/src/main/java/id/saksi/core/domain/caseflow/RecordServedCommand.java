package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.served}: The sanction was served (its duration ended, or it was carried out).
 *
 * <p>Body: {@code {"servedOn"}}.
 */
public record RecordServedCommand(LocalDate servedOn) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.served";

  /** Reads the body. */
  public static RecordServedCommand read(JsonFields b) throws RecordParseException {
    RecordServedCommand c = new RecordServedCommand(b.date("servedOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
