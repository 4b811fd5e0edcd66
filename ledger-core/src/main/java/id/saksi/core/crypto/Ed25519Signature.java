package id.saksi.core.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** An Ed25519 signature (RFC 8032): exactly 64 bytes, immutable. */
public final class Ed25519Signature {
  /** Length of an Ed25519 signature in bytes. */
  public static final int SIZE = 64;

  private final byte[] bytes;

  private Ed25519Signature(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Wraps a copy of {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is not 64 bytes long: code that holds a
   *     signature of another length has a bug (a verifier that reads signatures from input checks
   *     the length first and reports a failed check)
   */
  public static Ed25519Signature of(byte[] bytes) {
    if (bytes.length != SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 signature is " + SIZE + " bytes, got " + bytes.length + " bytes");
    }
    return new Ed25519Signature(bytes.clone());
  }

  /** Takes ownership of {@code bytes}; only for arrays fresh from this package. */
  static Ed25519Signature wrap(byte[] bytes) {
    return new Ed25519Signature(bytes);
  }

  /** The 64 bytes, without copying; only for this package. */
  byte[] internalBytes() {
    return bytes;
  }

  /** A copy of the 64 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Copies the 64 bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, SIZE);
  }

  /** Standard padded base64. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Signature
        && MessageDigest.isEqual(bytes, ((Ed25519Signature) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Lower-case hex: a signature is public. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
