package id.saksi.core.domain.registry;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;

/**
 * {@code key.added}: a key for an agency, signed with one of that agency's valid keys or by the
 * registrar; valid from the next position on.
 *
 * <p>Body: {@code {"agency", "publicKey": "<base64 32 bytes>"}}.
 */
public record AddKeyCommand(AgencyCode agency, Ed25519PublicKey publicKey)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "key.added";

  /** Reads the body. */
  public static AddKeyCommand read(JsonFields b) throws RecordParseException {
    AddKeyCommand c = new AddKeyCommand(b.agency("agency"), Keys.publicKey(b, "publicKey"));
    b.end();
    return c;
  }
}
