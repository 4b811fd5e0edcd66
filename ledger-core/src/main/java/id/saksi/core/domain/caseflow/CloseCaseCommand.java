package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code case.closed}: closes the case with a reason; which reasons fit which state, and who may
 * close, is in docs/domain.md.
 *
 * <p>Body: {@code {"closedOn", "reason", "duplicateOf"?}}; {@code duplicateOf} (the other case's
 * ID) is given exactly for DUPLICATE.
 */
public record CloseCaseCommand(
    LocalDate closedOn, ClosureReason reason, Optional<String> duplicateOf) implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.closed";

  /** Reads the body. */
  public static CloseCaseCommand read(JsonFields b) throws RecordParseException {
    LocalDate closedOn = b.date("closedOn");
    ClosureReason reason = b.enumValue("reason", ClosureReason.class);
    Optional<String> duplicateOf = b.optionalText("duplicateOf", 64);
    b.end();
    if (reason == ClosureReason.NOT_REGISTERED) {
      throw new RecordParseException(
          b.pathOf("reason"), "is NOT_REGISTERED; record case.not-registered instead");
    }
    if ((reason == ClosureReason.DUPLICATE) != duplicateOf.isPresent()) {
      throw new RecordParseException(
          b.pathOf("duplicateOf"),
          reason == ClosureReason.DUPLICATE
              ? "is missing; a DUPLICATE names the ID of the case it duplicates"
              : "is given, but the reason is " + reason + "; leave it out");
    }
    return new CloseCaseCommand(closedOn, reason, duplicateOf);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
