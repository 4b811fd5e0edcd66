package id.saksi.core.disclosure;

import id.saksi.core.ParseException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The salted digest that a statement carries in place of a personal value: SHA-256 of a
 * disclosure's base64url text, itself written in unpadded base64url (43 characters), as RFC 9901
 * section 4.2.3 defines it.
 *
 * <p>Parsing is strict (exactly 43 characters of the URL-safe alphabet, canonical final character),
 * so that one digest has one spelling and two statements can be compared byte for byte.
 */
public final class Digest {
  /** Length of the text form. */
  public static final int TEXT_LENGTH = 43;

  private final byte[] bytes;
  private final String text;

  private Digest(byte[] bytes) {
    this.bytes = bytes;
    this.text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Wraps a copy of a 32-byte SHA-256 value. */
  public static Digest of(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a digest is 32 bytes, got " + sha256.length);
    }
    return new Digest(sha256.clone());
  }

  /** Parses the unpadded base64url text form. */
  public static Digest parse(String text) throws ParseException {
    if (text.length() != TEXT_LENGTH) {
      throw new DisclosureFormatException(
          "a digest is "
              + TEXT_LENGTH
              + " characters of unpadded base64url (SHA-256), got "
              + text.length());
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Base64Url.isAlphabet(text.charAt(i))) {
        throw new DisclosureFormatException(
            "a digest is unpadded base64url (A-Z a-z 0-9 - _), got '"
                + text.charAt(i)
                + "' at position "
                + (i + 1));
      }
    }
    byte[] decoded = Base64.getUrlDecoder().decode(text);
    Digest digest = new Digest(decoded);
    if (!digest.text.equals(text)) {
      throw new DisclosureFormatException(
          "a digest must be the canonical base64url of 32 bytes; its last character has stray"
              + " bits");
    }
    return digest;
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The unpadded base64url text, as statements carry it. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest && MessageDigest.isEqual(bytes, ((Digest) o).bytes);
  }

  @Override
  public int hashCode() {
    return ((bytes[0] & 0xff) << 24)
        | ((bytes[1] & 0xff) << 16)
        | ((bytes[2] & 0xff) << 8)
        | (bytes[3] & 0xff);
  }

  @Override
  public String toString() {
    return text;
  }
}
