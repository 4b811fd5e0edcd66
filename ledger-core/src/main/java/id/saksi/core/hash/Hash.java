package id.saksi.core.hash;

import id.saksi.core.ParseException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 value: exactly 32 bytes, immutable.
 *
 * <p>Bytes are copied on the way in and on the way out. Parsing from text is strict: lower- or
 * upper-case hex of exactly 64 digits, or standard padded base64 of exactly 32 bytes; anything else
 * is a {@link ParseException} that says what was received.
 */
public final class Hash implements Comparable<Hash> {
  /** Length of a SHA-256 value in bytes. */
  public static final int SIZE = 32;

  /** 32 zero bytes: the {@code prev} of the first entry. */
  public static final Hash ZERO = new Hash(new byte[SIZE]);

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long: a caller that holds
   *     bytes of another length has a bug, not bad input (parse input with {@link #fromHex} or
   *     {@link #fromBase64})
   */
  public static Hash of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "a hash is " + SIZE + " bytes, got " + bytes.length + " bytes");
    }
    return new Hash(bytes.clone());
  }

  /** Wraps 32 bytes of {@code bytes} starting at {@code offset}. */
  public static Hash of(byte[] bytes, int offset) {
    if (offset < 0 || bytes.length - offset < SIZE) {
      throw new IllegalArgumentException(
          "need " + SIZE + " bytes at offset " + offset + " of a " + bytes.length + "-byte array");
    }
    return new Hash(Arrays.copyOfRange(bytes, offset, offset + SIZE));
  }

  /** Takes ownership of {@code bytes} without copying; only for digests fresh from this package. */
  static Hash wrap(byte[] bytes) {
    return new Hash(bytes);
  }

  /** Parses exactly 64 hex digits, either case. */
  public static Hash fromHex(String hex) throws ParseException {
    if (hex.length() != 2 * SIZE) {
      throw new ParseException(
          "a hash in hex is " + 2 * SIZE + " digits, got " + hex.length() + " characters");
    }
    for (int i = 0; i < hex.length(); i++) {
      // ASCII only: Character.digit also takes other scripts' digits (U+0660, U+FF10...), which
      // HexFormat then refuses with an unchecked exception.
      if (!isHexDigit(hex.charAt(i))) {
        throw new ParseException("a hash in hex has only 0-9 and a-f, got '" + hex.charAt(i) + "'");
      }
    }
    return new Hash(HEX.parseHex(hex));
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** Parses standard, padded base64 (RFC 4648 section 4) of exactly 32 bytes. */
  public static Hash fromBase64(String base64) throws ParseException {
    // 32 bytes encode to 44 characters ending in one '='; checking the length first bounds the
    // work and rejects unpadded or URL-safe forms with a message that says so.
    if (base64.length() != 44) {
      throw new ParseException(
          "a hash in base64 is 44 characters (32 bytes, padded), got " + base64.length());
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new ParseException("a hash in base64 is not valid base64: " + e.getMessage(), e);
    }
    if (decoded.length != SIZE || !Base64.getEncoder().encodeToString(decoded).equals(base64)) {
      // Non-canonical encodings (non-zero padding bits) would let two strings name one hash.
      throw new ParseException("a hash in base64 must be the canonical encoding of 32 bytes");
    }
    return new Hash(decoded);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Feeds the 32 bytes to {@code digest} without copying them. */
  public void updateDigest(MessageDigest digest) {
    digest.update(bytes);
  }

  /** Copies the 32 bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, SIZE);
  }

  /** Lower-case hex, 64 digits. */
  public String hex() {
    return HEX.formatHex(bytes);
  }

  /** Standard padded base64, 44 characters. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash && MessageDigest.isEqual(bytes, ((Hash) o).bytes);
  }

  @Override
  public int hashCode() {
    // The bytes are a cryptographic hash already: any four of them are uniformly distributed.
    return ((bytes[0] & 0xff) << 24)
        | ((bytes[1] & 0xff) << 16)
        | ((bytes[2] & 0xff) << 8)
        | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  /** Lower-case hex, so that a mismatch in a message shows both values in full. */
  @Override
  public String toString() {
    return hex();
  }
}
