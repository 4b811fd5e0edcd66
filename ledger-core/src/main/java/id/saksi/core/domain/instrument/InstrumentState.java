package id.saksi.core.domain.instrument;

import id.saksi.core.domain.RecordLog;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;

/**
 * One instrument: who issued it, when, under which number, whether it is still in force, and the
 * positions of its records.
 */
public record InstrumentState(
    Subject subject,
    InstrumentStatus status,
    InstrumentKind kind,
    AgencyCode issuer,
    LetterNumber number,
    LocalDate issuedOn,
    int amendments,
    RecordLog log) {}
