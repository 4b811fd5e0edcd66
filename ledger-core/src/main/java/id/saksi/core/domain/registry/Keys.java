package id.saksi.core.domain.registry;

import id.saksi.core.ParseException;
import id.saksi.core.domain.AgencyKeyId;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.PublicKeyBytes;
import id.saksi.core.domain.RecordParseException;

/** Reading keys and key ids from bodies. */
final class Keys {
  private Keys() {}

  static PublicKeyBytes publicKey(JsonFields b, String name) throws RecordParseException {
    String text = b.text(name, 100);
    try {
      return PublicKeyBytes.fromBase64(text);
    } catch (ParseException e) {
      throw new RecordParseException(
          b.pathOf(name),
          "is wrong: " + e.getMessage() + "; give the raw 32-byte key in base64",
          e);
    }
  }

  static AgencyKeyId keyId(JsonFields b, String name) throws RecordParseException {
    String text = b.text(name, 64);
    try {
      return AgencyKeyId.parse(text);
    } catch (ParseException e) {
      throw new RecordParseException(
          b.pathOf(name),
          "is wrong: " + e.getMessage() + "; a key id is the lower-case hex SHA-256 of the key",
          e);
    }
  }
}
