package id.saksi.core.entry;

import java.util.Arrays;
import java.util.Base64;

/**
 * One Ed25519 signature over a statement's canonical bytes, with the id of the key that made it.
 *
 * <p>In JSON: {@code {"key":"<64 hex>","sig":"<base64 of 64 bytes>"}}. Immutable.
 */
public final class StatementSignature {
  /** Length of an Ed25519 signature (RFC 8032). */
  public static final int SIGNATURE_BYTES = 64;

  private final KeyId key;
  private final byte[] signature;

  private StatementSignature(KeyId key, byte[] signature) {
    this.key = key;
    this.signature = signature;
  }

  /** Wraps a copy of a 64-byte signature by {@code key}. */
  public static StatementSignature of(KeyId key, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      throw new IllegalArgumentException(
          "an Ed25519 signature is 64 bytes, got " + signature.length);
    }
    return new StatementSignature(key, signature.clone());
  }

  /** The key that signed. */
  public KeyId key() {
    return key;
  }

  /** A copy of the 64 signature bytes. */
  public byte[] signature() {
    return signature.clone();
  }

  /** Standard padded base64 of the signature, as it appears in JSON. */
  public String signatureBase64() {
    return Base64.getEncoder().encodeToString(signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatementSignature
        && ((StatementSignature) o).key.equals(key)
        && Arrays.equals(((StatementSignature) o).signature, signature);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "signature by " + key;
  }
}
