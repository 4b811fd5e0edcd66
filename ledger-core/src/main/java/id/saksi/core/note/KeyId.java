package id.saksi.core.note;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.hash.Hashing;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The 32-bit id of a note key: with the key name it tells a verifier which key made a signature.
 *
 * <p>Per c2sp.org/signed-note it is the first four bytes, big-endian, of SHA-256(key name || 0x0A
 * || signature type || public key). It is an identifier, not a cryptographic commitment: a
 * colliding key only produces a failed verification, because the verifier holds the real key.
 */
public record KeyId(int value) {
  /** Signature type byte of Ed25519 note signatures (c2sp.org/signed-note). */
  public static final byte ED25519 = 0x01;

  /** SHA-256(name || 0x0A || type || publicKey)[:4], c2sp.org/signed-note. */
  public static KeyId compute(String name, byte signatureType, byte[] publicKey) {
    MessageDigest sha256 = Hashing.newSha256();
    sha256.update(name.getBytes(UTF_8));
    sha256.update((byte) '\n');
    sha256.update(signatureType);
    sha256.update(publicKey);
    byte[] d = sha256.digest();
    return new KeyId(
        ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff));
  }

  /** The key id of an Ed25519 key named {@code name}. */
  public static KeyId ed25519(String name, Ed25519PublicKey key) {
    return compute(name, ED25519, key.bytes());
  }

  /** Reads the four big-endian bytes at {@code offset}. */
  static KeyId read(byte[] bytes, int offset) {
    return new KeyId(
        ((bytes[offset] & 0xff) << 24)
            | ((bytes[offset + 1] & 0xff) << 16)
            | ((bytes[offset + 2] & 0xff) << 8)
            | (bytes[offset + 3] & 0xff));
  }

  /** Writes the four big-endian bytes at {@code offset}. */
  void write(byte[] dest, int offset) {
    dest[offset] = (byte) (value >>> 24);
    dest[offset + 1] = (byte) (value >>> 16);
    dest[offset + 2] = (byte) (value >>> 8);
    dest[offset + 3] = (byte) value;
  }

  /** Eight lower-case hex digits, as in a verifier key. */
  public String hex() {
    return String.format(Locale.ROOT, "%08x", value);
  }

  @Override
  public String toString() {
    return hex();
  }
}
