package id.saksi.core.domain.registry;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;

/**
 * {@code registry.genesis}, entry 0: registers the registrar, the ledger's root of trust, with its
 * first public key; the statement is signed by that key.
 *
 * <p>Body: {@code {"code": "REGISTRAR", "name": "...", "publicKey": "<base64 32 bytes>"}}.
 */
public record GenesisCommand(AgencyCode code, String name, Ed25519PublicKey publicKey)
    implements RegistryCommand {
  /** The record type. */
  public static final String TYPE = "registry.genesis";

  /** Reads the body. */
  public static GenesisCommand read(JsonFields b) throws RecordParseException {
    GenesisCommand c =
        new GenesisCommand(
            b.agency("code"),
            b.text("name", JsonFields.SHORT_TEXT),
            Keys.publicKey(b, "publicKey"));
    b.end();
    return c;
  }
}
