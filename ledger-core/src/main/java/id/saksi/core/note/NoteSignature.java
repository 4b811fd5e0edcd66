package id.saksi.core.note;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * One signature line of a signed note: {@code — <key name> <base64(key id || signature)>}.
 *
 * <p>As read from a note it is unverified; {@link SignedNotes#open} says which ones verified.
 */
public final class NoteSignature {
  /** The signature line prefix: EM DASH (U+2014) and a space. */
  public static final String PREFIX = "\u2014 ";

  private final String keyName;
  private final KeyId keyId;
  private final byte[] signature;

  private NoteSignature(String keyName, KeyId keyId, byte[] signature) {
    this.keyName = keyName;
    this.keyId = keyId;
    this.signature = signature;
  }

  /**
   * A signature line's content.
   *
   * @throws IllegalArgumentException if the name is not a valid key name or the signature is empty
   */
  public static NoteSignature of(String keyName, KeyId keyId, byte[] signature) {
    String problem = NoteTexts.keyNameProblem(keyName);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    if (signature.length == 0) {
      throw new IllegalArgumentException("a note signature has at least one byte");
    }
    return new NoteSignature(keyName, keyId, signature.clone());
  }

  /** Takes ownership of {@code signature}; only for arrays fresh from this package. */
  static NoteSignature wrap(String keyName, KeyId keyId, byte[] signature) {
    return new NoteSignature(keyName, keyId, signature);
  }

  /** The key name on the line. */
  public String keyName() {
    return keyName;
  }

  /** The key id: the first four bytes of the base64 payload. */
  public KeyId keyId() {
    return keyId;
  }

  /** A copy of the signature bytes (the payload after the key id). */
  public byte[] signature() {
    return signature.clone();
  }

  /** The signature bytes without copying; only for this package. */
  byte[] internalSignature() {
    return signature;
  }

  /** base64(key id || signature), the line's second field. */
  public String base64() {
    byte[] payload = new byte[4 + signature.length];
    keyId.write(payload, 0);
    System.arraycopy(signature, 0, payload, 4, signature.length);
    return Base64.getEncoder().encodeToString(payload);
  }

  /** The whole line without its newline: {@code — name base64}. */
  public String line() {
    return PREFIX + keyName + " " + base64();
  }

  /** {@code name+keyid}, the way verifier keys name a key. */
  public String keyRef() {
    return keyName + "+" + keyId.hex();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NoteSignature)) {
      return false;
    }
    NoteSignature other = (NoteSignature) o;
    return keyName.equals(other.keyName)
        && keyId.equals(other.keyId)
        && MessageDigest.isEqual(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * keyName.hashCode() + keyId.hashCode()) + Arrays.hashCode(signature);
  }

  /** The signature line, which is public. */
  @Override
  public String toString() {
    return line();
  }
}
