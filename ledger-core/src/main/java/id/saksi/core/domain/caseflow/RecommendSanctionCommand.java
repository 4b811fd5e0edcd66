package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code case.recommended}: the recommending authority (KASN, then BKN, per the catalogue)
 * recommends a sanction to the PPK (DOMAIN.md step 4).
 *
 * <p>Body: {@code {"number", "recommendedOn", "track", "level", "articles": [..], "addressedTo",
 * "dueOn"?}}; without {@code dueOn} the catalogue's PPK_FOLLOW_UP deadline applies.
 */
public record RecommendSanctionCommand(
    LetterNumber number,
    LocalDate recommendedOn,
    String track,
    String level,
    List<String> articles,
    AgencyCode addressedTo,
    Optional<LocalDate> dueOn)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.recommended";

  public RecommendSanctionCommand {
    articles = List.copyOf(articles);
  }

  /** Reads the body. */
  public static RecommendSanctionCommand read(JsonFields b) throws RecordParseException {
    RecommendSanctionCommand c =
        new RecommendSanctionCommand(
            b.letterNumber("number"),
            b.date("recommendedOn"),
            b.text("track", 40),
            b.text("level", 40),
            b.distinctTexts("articles", 1, 20, JsonFields.SHORT_TEXT),
            b.agency("addressedTo"),
            b.optionalDate("dueOn"));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
