package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The sanction that replaces the original when an objection is decided MODIFIED.
 *
 * <p>Body: {@code {"level", "form", "durationMonths"?, "effectiveOn"}}.
 */
public record ModifiedSanction(
    String level, String form, Optional<Integer> durationMonths, LocalDate effectiveOn) {
  static ModifiedSanction read(JsonFields m) throws RecordParseException {
    ModifiedSanction s =
        new ModifiedSanction(
            m.text("level", 40),
            m.text("form", 40),
            m.optionalInteger("durationMonths", 1, 120).map(Long::intValue),
            m.date("effectiveOn"));
    m.end();
    return s;
  }
}
