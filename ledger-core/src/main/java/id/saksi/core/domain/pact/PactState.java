package id.saksi.core.domain.pact;

import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.LocalDate;

/**
 * One signatory's signature for one election: where it was recorded, by which agency, when and
 * what.
 */
public record PactState(
    Subject subject,
    Position signedAt,
    AgencyCode recordedBy,
    AgencyCode agency,
    PactKind kind,
    LocalDate signedOn) {}
