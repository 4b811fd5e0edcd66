package id.saksi.core.domain.catalogue;

import id.saksi.core.domain.AgencyKind;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which kind of body issues recommendations to PPKs over a period: KASN until its dissolution, BKN
 * after it, the future independent body later [S1-S5].
 *
 * @param kind the agency kind that holds the authority
 * @param from first day, inclusive
 * @param until last day, inclusive; empty if open-ended
 * @param source the regulation
 * @param note what is uncertain about the dates, if anything
 * @param ref how rejections cite this entry
 */
public record AuthorityPeriod(
    AgencyKind kind,
    LocalDate from,
    Optional<LocalDate> until,
    String source,
    Optional<String> note,
    String ref) {

  /** Whether {@code date} falls in the period. */
  public boolean covers(LocalDate date) {
    return !date.isBefore(from) && (until.isEmpty() || !date.isAfter(until.get()));
  }
}
