package id.saksi.core.crypto;

import id.saksi.core.ParseException;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;

/**
 * Names an agency's signing key in statements and the key registry: SHA-256 of the key's 32 raw
 * Ed25519 public-key bytes, written as 64 lower-case hex digits.
 *
 * <p>The full 32 bytes, not the 4-byte key id of a signed note: key ids of every agency share one
 * namespace in the registry, and a collision there must be infeasible, not merely unlikely.
 */
public final class KeyId implements Comparable<KeyId> {
  private final Hash value;

  private KeyId(Hash value) {
    this.value = value;
  }

  /** The id of {@code key}. */
  public static KeyId of(Ed25519PublicKey key) {
    return ofPublicKey(key.bytes());
  }

  /** The id of an Ed25519 public key given as its 32 raw bytes. */
  public static KeyId ofPublicKey(byte[] rawPublicKey) {
    if (rawPublicKey.length != 32) {
      throw new IllegalArgumentException(
          "an Ed25519 public key is 32 bytes, got " + rawPublicKey.length);
    }
    return new KeyId(Hashing.sha256(rawPublicKey));
  }

  /** Parses 64 lower-case hex digits. */
  public static KeyId parse(String hex) throws ParseException {
    if (hex.length() != 64 || !hex.chars().allMatch(KeyId::isLowerHex)) {
      throw new ParseException(
          "a key id is 64 lower-case hex digits (SHA-256 of the public key), got \"" + hex + "\"");
    }
    return new KeyId(Hash.fromHex(hex));
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /** The 64-digit lower-case hex form used in statements. */
  public String hex() {
    return value.hex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyId && ((KeyId) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public int compareTo(KeyId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.hex();
  }
}
