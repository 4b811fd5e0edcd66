package id.saksi.core.note;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.Ed25519Signature;
import id.saksi.core.crypto.InvalidSignatureException;
import id.saksi.core.crypto.KeyFormatException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A trusted note key: name, key id and Ed25519 public key, written as the verifier key (vkey) of
 * c2sp.org/signed-note: {@code <name>+<hex key id>+<base64(0x01 || public key)>}.
 *
 * <p>For example {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. The
 * text form is what golang.org/x/mod/sumdb/note and other signed-note implementations read, so a
 * log's verifier key can be handed to any of them. Only Ed25519 (signature type 0x01) is supported.
 */
public final class NoteVerifierKey {
  private final String name;
  private final KeyId keyId;
  private final Ed25519PublicKey publicKey;

  private NoteVerifierKey(String name, KeyId keyId, Ed25519PublicKey publicKey) {
    this.name = name;
    this.keyId = keyId;
    this.publicKey = publicKey;
  }

  /**
   * The verifier key named {@code name} for {@code publicKey}; the key id is computed.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid key name
   */
  public static NoteVerifierKey of(String name, Ed25519PublicKey publicKey) {
    String problem = NoteTexts.keyNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new NoteVerifierKey(name, KeyId.ed25519(name, publicKey), publicKey);
  }

  /**
   * Reads {@code <name>+<hex key id>+<base64(0x01 || public key)>}, checking that the key id is the
   * one the name and key give.
   */
  public static NoteVerifierKey parse(String vkey) throws NoteKeyFormatException {
    int plus1 = vkey.indexOf('+');
    int plus2 = plus1 < 0 ? -1 : vkey.indexOf('+', plus1 + 1);
    if (plus2 < 0) {
      throw new NoteKeyFormatException(
          "a verifier key is <name>+<hex key id>+<base64 key>, got " + NoteTexts.quote(vkey));
    }
    String name = vkey.substring(0, plus1);
    checkName("verifier key", name);
    KeyId keyId = parseKeyId("verifier key", vkey.substring(plus1 + 1, plus2));
    byte[] typed = decodeTypedKey("verifier key", vkey.substring(plus2 + 1), false);
    Ed25519PublicKey publicKey;
    try {
      publicKey = Ed25519PublicKey.fromBytes(Arrays.copyOfRange(typed, 1, typed.length));
    } catch (KeyFormatException e) {
      throw new NoteKeyFormatException("verifier key: " + e.getMessage(), e);
    }
    KeyId computed = KeyId.ed25519(name, publicKey);
    if (!computed.equals(keyId)) {
      throw new NoteKeyFormatException(
          "verifier key: key id "
              + keyId.hex()
              + " does not match the name and key, which give "
              + computed.hex());
    }
    return new NoteVerifierKey(name, keyId, publicKey);
  }

  static void checkName(String what, String name) throws NoteKeyFormatException {
    String problem = NoteTexts.keyNameProblem(name);
    if (problem != null) {
      throw new NoteKeyFormatException(what + ": " + problem);
    }
  }

  /** Eight lower-case hex digits. */
  static KeyId parseKeyId(String what, String hex) throws NoteKeyFormatException {
    boolean ok = hex.length() == 8;
    for (int i = 0; ok && i < hex.length(); i++) {
      char c = hex.charAt(i);
      ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!ok) {
      throw new NoteKeyFormatException(
          what + ": key id must be 8 lower-case hex digits, got " + NoteTexts.quote(hex));
    }
    return new KeyId(Integer.parseUnsignedInt(hex, 16));
  }

  /** base64(0x01 || 32 bytes): the type must be Ed25519 and the key 32 bytes. */
  static byte[] decodeTypedKey(String what, String base64, boolean secret)
      throws NoteKeyFormatException {
    byte[] typed = NoteTexts.decodeBase64(base64);
    if (typed == null) {
      // A signer key's base64 is the secret itself: never echo it.
      throw new NoteKeyFormatException(
          what
              + ": key is not canonical, padded base64"
              + (secret ? "" : ": " + NoteTexts.quote(base64)));
    }
    if (typed.length == 0) {
      throw new NoteKeyFormatException(what + ": key is empty");
    }
    if (typed[0] != KeyId.ED25519) {
      throw new NoteKeyFormatException(
          String.format(
              java.util.Locale.ROOT,
              "%s: unsupported signature type 0x%02x (only 0x01, Ed25519, is supported)",
              what,
              typed[0] & 0xff));
    }
    if (typed.length != 1 + Ed25519PublicKey.SIZE) {
      throw new NoteKeyFormatException(
          what
              + ": an Ed25519 key is 32 bytes after the type byte, got "
              + (typed.length - 1)
              + " bytes");
    }
    return typed;
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The key id. */
  public KeyId keyId() {
    return keyId;
  }

  /** The Ed25519 public key. */
  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** True if a signature line names this key: name and key id both match. */
  public boolean names(NoteSignature signature) {
    return name.equals(signature.keyName()) && keyId.equals(signature.keyId());
  }

  /**
   * Checks that {@code signature}, which names this key, signs {@code text} (the note text's UTF-8
   * bytes, final newline included).
   */
  public void verify(byte[] text, NoteSignature signature) throws InvalidNoteSignatureException {
    if (!names(signature)) {
      throw new IllegalArgumentException(
          "signature by " + signature.keyRef() + " does not name key " + keyRef());
    }
    byte[] sig = signature.internalSignature();
    if (sig.length != Ed25519Signature.SIZE) {
      throw new InvalidNoteSignatureException(
          name,
          keyId,
          "an Ed25519 signature is " + Ed25519Signature.SIZE + " bytes, got " + sig.length);
    }
    try {
      publicKey.verify(text, Ed25519Signature.of(sig));
    } catch (InvalidSignatureException e) {
      throw new InvalidNoteSignatureException(
          name, keyId, "the signature does not verify over the note text", e);
    }
  }

  /** {@code name+keyid}. */
  public String keyRef() {
    return name + "+" + keyId.hex();
  }

  /** The verifier key text: {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
  public String encode() {
    byte[] typed = new byte[1 + Ed25519PublicKey.SIZE];
    typed[0] = KeyId.ED25519;
    publicKey.copyTo(typed, 1);
    return name + "+" + keyId.hex() + "+" + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NoteVerifierKey)) {
      return false;
    }
    NoteVerifierKey other = (NoteVerifierKey) o;
    return name.equals(other.name)
        && keyId.equals(other.keyId)
        && publicKey.equals(other.publicKey);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + publicKey.hashCode();
  }

  /** The verifier key text, which is public. */
  @Override
  public String toString() {
    return encode();
  }
}
