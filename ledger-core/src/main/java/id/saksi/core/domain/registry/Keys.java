package id.saksi.core.domain.registry;

import id.saksi.core.ParseException;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;

/** Reading keys and key ids from bodies. */
final class Keys {
  private Keys() {}

  static Ed25519PublicKey publicKey(JsonFields b, String name) throws RecordParseException {
    String text = b.text(name, 100);
    try {
      return Ed25519PublicKey.fromBase64(text);
    } catch (ParseException e) {
      throw new RecordParseException(
          b.pathOf(name),
          "is wrong: " + e.getMessage() + "; give the raw 32-byte key in base64",
          e);
    }
  }

  static KeyId keyId(JsonFields b, String name) throws RecordParseException {
    String text = b.text(name, 64);
    try {
      return KeyId.parse(text);
    } catch (ParseException e) {
      throw new RecordParseException(
          b.pathOf(name),
          "is wrong: " + e.getMessage() + "; a key id is the lower-case hex SHA-256 of the key",
          e);
    }
  }
}
