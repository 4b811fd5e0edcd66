package id.saksi.core.domain.rule;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordMeta;
import id.saksi.core.domain.RegistryView;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.validation.AgencyCode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What a record cannot say about itself, supplied by the ledger: where it stands, who signed it as
 * the registry knows them, when they say they signed it, and the catalogue in force there.
 *
 * @param position the entry's own ledger position
 * @param issuedAt the statement's {@code issuedAt}
 * @param agency the statement's {@code agency} code
 * @param actor that agency as the registry knows it; empty only before it is registered (genesis)
 * @param signingKey the statement's {@code key}
 * @param registry the registry as of this position, for rules about other agencies
 * @param catalogue the catalogue in force at this position, if one has been adopted
 */
public record Context(
    Position position,
    Instant issuedAt,
    AgencyCode agency,
    Optional<AgencyInfo> actor,
    KeyId signingKey,
    RegistryView registry,
    Optional<Catalogue> catalogue) {

  /**
   * Indonesia's easternmost time (WIT, UTC+9): a date in a record may be at most the statement's
   * issue date there, so a letter dated "today" anywhere in Indonesia is never "in the future".
   */
  public static final ZoneOffset LATEST_INDONESIAN_OFFSET = ZoneOffset.ofHours(9);

  /** The last calendar date a record issued at {@code issuedAt} may state. */
  public LocalDate issuedDate() {
    return LocalDate.ofInstant(issuedAt, LATEST_INDONESIAN_OFFSET);
  }

  /** What every event records about this statement. */
  public RecordMeta meta() {
    return new RecordMeta(position, agency, issuedAt);
  }
}
