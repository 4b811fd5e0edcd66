package id.saksi.core.domain;

import id.saksi.core.domain.validation.AgencyCode;
import java.time.Instant;

/**
 * What every event carries about the statement it came from: its position, the agency that signed
 * it and when the agency says it signed it.
 */
public record RecordMeta(Position position, AgencyCode agency, Instant issuedAt) {}
