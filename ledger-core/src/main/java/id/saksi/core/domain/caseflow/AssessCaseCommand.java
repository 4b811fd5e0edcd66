package id.saksi.core.domain.caseflow;

import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.CandidateStage;
import id.saksi.core.hash.Hash;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code case.assessed}: the assessment (kajian) concluded (DOMAIN.md step 3): a violation of the
 * listed catalogue forms at the stated candidate stage, no violation, another law's violation or a
 * crime (both referred elsewhere).
 *
 * <p>Body: {@code {"assessedOn", "outcome", "candidateStage", "forms": [codes], "referredTo"?,
 * "reportDigest"}}; {@code forms} is non-empty exactly for VIOLATION, {@code referredTo} (the body
 * referred to) is given exactly for OTHER_LAW and CRIMINAL.
 */
public record AssessCaseCommand(
    LocalDate assessedOn,
    AssessmentOutcome outcome,
    CandidateStage candidateStage,
    List<String> forms,
    Optional<String> referredTo,
    Hash reportDigest)
    implements CaseCommand {
  /** The record type. */
  public static final String TYPE = "case.assessed";

  public AssessCaseCommand {
    forms = List.copyOf(forms);
  }

  /** Reads the body. */
  public static AssessCaseCommand read(JsonFields b) throws RecordParseException {
    LocalDate assessedOn = b.date("assessedOn");
    AssessmentOutcome outcome = b.enumValue("outcome", AssessmentOutcome.class);
    CandidateStage stage = b.enumValue("candidateStage", CandidateStage.class);
    List<String> forms = b.distinctTexts("forms", 0, 10, 40);
    Optional<String> referredTo = b.optionalText("referredTo", JsonFields.SHORT_TEXT);
    Hash report = b.documentDigest("reportDigest");
    b.end();
    boolean violation = outcome == AssessmentOutcome.VIOLATION;
    if (violation == forms.isEmpty()) {
      throw new RecordParseException(
          b.pathOf("forms"),
          violation
              ? "is empty; a VIOLATION lists the catalogue forms proven"
              : "lists forms, but the outcome is " + outcome + "; leave it empty");
    }
    boolean referral =
        outcome == AssessmentOutcome.OTHER_LAW || outcome == AssessmentOutcome.CRIMINAL;
    if (referral != referredTo.isPresent()) {
      throw new RecordParseException(
          b.pathOf("referredTo"),
          referral
              ? "is missing; an " + outcome + " outcome names the body the case is referred to"
              : "is given, but only OTHER_LAW and CRIMINAL outcomes are referred; leave it out");
    }
    return new AssessCaseCommand(assessedOn, outcome, stage, forms, referredTo, report);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
