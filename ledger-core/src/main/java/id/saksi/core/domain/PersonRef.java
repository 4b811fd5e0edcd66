package id.saksi.core.domain;

import id.saksi.core.domain.validation.Nip;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A pseudonymous, stable reference to a civil servant: 43 characters of unpadded base64url (32
 * bytes), derived as HMAC-SHA-256 under a pseudonymisation key from the NIP ({@link #derive}).
 *
 * <p>It lets the ledger see that two records concern the same person (one pact per signatory per
 * election; several cases against one ASN) without naming the person. It must never be a plain hash
 * of the NIP: a NIP has few enough possible values to enumerate, so an unkeyed hash would be a
 * clear NIP. The key is held by the registry operator in the restricted store and used by agency
 * clients through the service; see docs/personal-data.md.
 */
public final class PersonRef {
  /** Length of the text form. */
  public static final int TEXT_LENGTH = 43;

  private static final byte[] CONTEXT = "saksi/person-ref/v1\n".getBytes(StandardCharsets.UTF_8);

  private final String text;

  private PersonRef(String text) {
    this.text = text;
  }

  /** Parses the text form. */
  public static PersonRef parse(String text) throws RecordParseException {
    return parse(text, "ref");
  }

  static PersonRef parse(String text, String field) throws RecordParseException {
    if (text.length() != TEXT_LENGTH) {
      throw new RecordParseException(
          field,
          "has "
              + text.length()
              + " characters; a person reference is 43 characters of unpadded base64url");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        throw new RecordParseException(
            field, "is not unpadded base64url: found '" + c + "' at position " + (i + 1));
      }
    }
    byte[] decoded = Base64.getUrlDecoder().decode(text);
    if (!Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(text)) {
      throw new RecordParseException(
          field, "is not the canonical base64url of 32 bytes: its last character has stray bits");
    }
    return new PersonRef(text);
  }

  /**
   * HMAC-SHA-256(key, "saksi/person-ref/v1\n" || NIP digits), in unpadded base64url.
   *
   * @param key the pseudonymisation key, at least 32 bytes
   */
  public static PersonRef derive(byte[] key, Nip nip) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a pseudonymisation key has at least 32 bytes");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(CONTEXT);
      byte[] out = mac.doFinal(nip.digits().getBytes(StandardCharsets.US_ASCII));
      String text = Base64.getUrlEncoder().withoutPadding().encodeToString(out);
      Arrays.fill(out, (byte) 0);
      return new PersonRef(text);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime has no HmacSHA256", e);
    }
  }

  /** The text form. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PersonRef && text.equals(((PersonRef) o).text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
