package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;

/**
 * {@code case.examined}: The civil servant was examined, by a team or not (DOMAIN.md step 5); may
 * repeat.
 *
 * <p>Body: {@code {"examinedOn", "byTeam", "attended", "minutesDigest"}}.
 */
public record ExamineAsnCommand(
    LocalDate examinedOn, boolean byTeam, boolean attended, Hash minutesDigest)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.examined";

  /** Reads the body. */
  public static ExamineAsnCommand read(JsonFields b) throws RecordParseException {
    ExamineAsnCommand c =
        new ExamineAsnCommand(
            b.date("examinedOn"),
            b.bool("byTeam"),
            b.bool("attended"),
            b.documentDigest("minutesDigest"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
