package id.saksi.core.domain.caseflow;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.CandidateStage;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@code case.reported}: a report (laporan) was received; opens the case (DOMAIN.md step 1). A
 * report names the reporter, the reported person, the time, the place and a description (UU 7/2017
 * Pasal 454(4)-(6) [S10]); the personal parts are salted digests.
 *
 * <p>Body: {@code {"election", "channel", "receivedOn", "knownOn", "occurredOn", "place",
 * "description", "allegedForm"?, "candidateStage", "reporter": {...}, "reported": {...}}}; {@code
 * place} and {@code description} are digests of free text.
 */
public record ReportCaseCommand(
    String election,
    ReportChannel channel,
    LocalDate receivedOn,
    LocalDate knownOn,
    LocalDate occurredOn,
    Digest place,
    Digest description,
    Optional<String> allegedForm,
    CandidateStage candidateStage,
    Reporter reporter,
    ReportedPerson reported)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.reported";

  /** Reads the body. */
  public static ReportCaseCommand read(JsonFields b) throws RecordParseException {
    ReportCaseCommand c =
        new ReportCaseCommand(
            b.text("election", 40),
            b.enumValue("channel", ReportChannel.class),
            b.date("receivedOn"),
            b.date("knownOn"),
            b.date("occurredOn"),
            b.commitment("place"),
            b.commitment("description"),
            b.optionalText("allegedForm", 40),
            b.enumValue("candidateStage", CandidateStage.class),
            Reporter.read(b.object("reporter")),
            ReportedPerson.read(b.object("reported")));
    b.end();
    return c;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
