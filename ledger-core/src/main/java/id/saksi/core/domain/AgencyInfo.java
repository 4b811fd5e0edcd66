package id.saksi.core.domain;

import id.saksi.core.domain.validation.AgencyCode;
import java.util.Optional;

/**
 * An agency as the registry knows it.
 *
 * @param code its code
 * @param name its official name
 * @param kind what it is
 * @param parent the agency it belongs to, if any
 * @param ppk whether its head is a PPK (Pejabat Pembina Kepegawaian), the official who appoints and
 *     disciplines its civil servants and those of its units
 * @param registeredAt where the registrar registered it
 * @param dissolvedAt where the registrar recorded its dissolution, if it is dissolved
 */
public record AgencyInfo(
    AgencyCode code,
    String name,
    AgencyKind kind,
    Optional<AgencyCode> parent,
    boolean ppk,
    Position registeredAt,
    Optional<Position> dissolvedAt) {

  /** Whether it was dissolved at or before {@code position}. */
  public boolean dissolvedBy(Position position) {
    return dissolvedAt.isPresent() && !position.isBefore(dissolvedAt.get());
  }
}
