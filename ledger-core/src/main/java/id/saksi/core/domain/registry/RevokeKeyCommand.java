package id.saksi.core.domain.registry;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;

/**
 * {@code key.revoked}: an agency's key stops signing after this position, retired or compromised;
 * by the agency itself or by the registrar.
 *
 * <p>Body: {@code {"agency", "key": "<hex key id>", "reason": "RETIRED" | "COMPROMISED"}}.
 */
public record RevokeKeyCommand(AgencyCode agency, KeyId key, RevocationReason reason)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "key.revoked";

  /** Reads the body. */
  public static RevokeKeyCommand read(JsonFields b) throws RecordParseException {
    AgencyCode agency = b.agency("agency");
    KeyId key = Keys.keyId(b, "key");
    RevocationReason reason = b.enumValue("reason", RevocationReason.class);
    if (reason == RevocationReason.AGENCY_DISSOLVED) {
      throw new RecordParseException(
          b.pathOf("reason"),
          "is AGENCY_DISSOLVED, which only agency.dissolved sets; give RETIRED or COMPROMISED");
    }
    b.end();
    return new RevokeKeyCommand(agency, key, reason);
  }
}
