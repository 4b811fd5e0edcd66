package id.saksi.core.domain;

import id.saksi.core.ParseException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/** A raw Ed25519 public key: exactly 32 bytes (RFC 8032 section 5.1.5), immutable. */
public final class PublicKeyBytes {
  /** Length of a raw Ed25519 public key. */
  public static final int SIZE = 32;

  private final byte[] bytes;

  private PublicKeyBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of 32 bytes. */
  public static PublicKeyBytes of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 public key is " + SIZE + " bytes, got " + bytes.length);
    }
    return new PublicKeyBytes(bytes.clone());
  }

  /** Parses standard padded base64 of exactly 32 bytes, as records carry keys. */
  public static PublicKeyBytes fromBase64(String text) throws ParseException {
    if (text.length() != 44) {
      throw new ParseException(
          "an Ed25519 public key in base64 is 44 characters (32 bytes, padded), got "
              + text.length());
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ParseException("an Ed25519 public key is not valid base64: " + e.getMessage(), e);
    }
    if (decoded.length != SIZE || !Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw new ParseException("an Ed25519 public key must be the canonical base64 of 32 bytes");
    }
    return new PublicKeyBytes(decoded);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Standard padded base64. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The key's identity: lower-case hex SHA-256 of these 32 bytes. */
  public AgencyKeyId id() {
    return AgencyKeyId.of(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKeyBytes && MessageDigest.isEqual(bytes, ((PublicKeyBytes) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return base64();
  }
}
