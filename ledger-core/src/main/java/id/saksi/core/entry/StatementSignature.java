package id.saksi.core.entry;

import id.saksi.core.crypto.Ed25519Signature;
import id.saksi.core.crypto.KeyId;

/**
 * One Ed25519 signature over a statement's canonical bytes, with the id of the key that made it.
 *
 * <p>In JSON: {@code {"key":"<64 hex>","sig":"<base64 of 64 bytes>"}}. Immutable.
 */
public final class StatementSignature {
  /** Length of an Ed25519 signature (RFC 8032). */
  public static final int SIGNATURE_BYTES = Ed25519Signature.SIZE;

  private final KeyId key;
  private final Ed25519Signature signature;

  private StatementSignature(KeyId key, Ed25519Signature signature) {
    this.key = key;
    this.signature = signature;
  }

  /** A signature by {@code key}. */
  public static StatementSignature of(KeyId key, Ed25519Signature signature) {
    return new StatementSignature(key, signature);
  }

  /** Wraps a copy of a 64-byte signature by {@code key}. */
  public static StatementSignature of(KeyId key, byte[] signature) {
    return new StatementSignature(key, Ed25519Signature.of(signature));
  }

  /** The key that signed. */
  public KeyId key() {
    return key;
  }

  /** The signature. */
  public Ed25519Signature signature() {
    return signature;
  }

  /** Standard padded base64 of the signature, as it appears in JSON. */
  public String signatureBase64() {
    return signature.base64();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatementSignature
        && ((StatementSignature) o).key.equals(key)
        && ((StatementSignature) o).signature.equals(signature);
  }

  @Override
  public int hashCode() {
    return key.hashCode() * 31 + signature.hashCode();
  }

  @Override
  public String toString() {
    return "signature by " + key;
  }
}
