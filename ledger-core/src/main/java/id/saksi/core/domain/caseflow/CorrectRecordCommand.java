package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import tools.jackson.databind.JsonNode;

/**
 * {@code case.corrected}: corrects descriptive fields of an earlier record of the case, named by
 * its position; the earlier record stays in the ledger as it was. Which fields a correction may
 * change depends on the corrected record's type (docs/domain.md); fields that rules depend on
 * (dates, forms, levels, agencies) are not corrected this way but by the workflow itself.
 *
 * <p>Body: {@code {"corrects": <position>, "reason", "changes": {"<field path>": <new value>,
 * ...}}}.
 */
public record CorrectRecordCommand(Position corrects, CorrectionReason reason, JsonNode changes)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.corrected";

  /** Most fields one correction may change. */
  public static final int MAX_CHANGES = 20;

  /** Reads the body. */
  public static CorrectRecordCommand read(JsonFields b) throws RecordParseException {
    Position corrects = b.position("corrects");
    CorrectionReason reason = b.enumValue("reason", CorrectionReason.class);
    JsonNode changes = b.raw("changes");
    if (!changes.isObject() || changes.isEmpty() || changes.size() > MAX_CHANGES) {
      throw new RecordParseException(
          b.pathOf("changes"),
          "must be a JSON object of 1 to "
              + MAX_CHANGES
              + " fields, each the path of a corrected field and its new value");
    }
    Correctable.read(b.object("changes"));
    b.end();
    return new CorrectRecordCommand(corrects, reason, changes);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
