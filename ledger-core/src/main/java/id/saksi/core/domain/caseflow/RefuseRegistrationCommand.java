package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.not-registered}: The body that received a report or finding decides not to register
 * it; the case closes (DOMAIN.md step 1).
 *
 * <p>Body: {@code {"decidedOn", "reason"}}.
 */
public record RefuseRegistrationCommand(LocalDate decidedOn, NotRegisteredReason reason)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.not-registered";

  /** Reads the body. */
  public static RefuseRegistrationCommand read(JsonFields b) throws RecordParseException {
    RefuseRegistrationCommand c =
        new RefuseRegistrationCommand(
            b.date("decidedOn"), b.enumValue("reason", NotRegisteredReason.class));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
