package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;

/**
 * {@code case.discipline-recorded}: BKN entered the sanction in its I'DIS discipline register
 * (DOMAIN.md step 6).
 *
 * <p>Body: {@code {"recordedOn", "registerEntry"}; the entry id in I'DIS, not personal data}.
 */
public record RecordDisciplineRegisterCommand(LocalDate recordedOn, String registerEntry)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.discipline-recorded";

  /** Reads the body. */
  public static RecordDisciplineRegisterCommand read(JsonFields b) throws RecordParseException {
    RecordDisciplineRegisterCommand c =
        new RecordDisciplineRegisterCommand(b.date("recordedOn"), b.text("registerEntry", 64));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
