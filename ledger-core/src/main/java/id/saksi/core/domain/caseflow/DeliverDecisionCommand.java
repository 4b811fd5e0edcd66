package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.decision-delivered}: The sanction decision was delivered to the civil servant
 * (DOMAIN.md step 5: at most 14 working days after it is set).
 *
 * <p>Body: {@code {"decision": <position of case.sanction-decided>, "deliveredOn"}}.
 */
public record DeliverDecisionCommand(Position decision, LocalDate deliveredOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.decision-delivered";

  /** Reads the body. */
  public static DeliverDecisionCommand read(JsonFields b) throws RecordParseException {
    DeliverDecisionCommand c =
        new DeliverDecisionCommand(b.position("decision"), b.date("deliveredOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
