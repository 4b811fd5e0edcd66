package id.saksi.core.note;

import id.saksi.core.crypto.Ed25519PrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A note signing key: a key name and an Ed25519 private key; its key id is that of the matching
 * {@link NoteVerifierKey}.
 *
 * <p>It can also be read from and written to the signer key text of golang.org/x/mod/sumdb/note,
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || 32-byte seed)>}, so that a key made with
 * Go's tooling can sign here and the other way round. That text is as secret as the key; {@link
 * #toString()} never shows it.
 */
public final class NoteSigner {
  private static final String PRIVATE_PREFIX = "PRIVATE+KEY+";

  private final String name;
  private final Ed25519PrivateKey privateKey;
  private final NoteVerifierKey verifierKey;

  private NoteSigner(String name, Ed25519PrivateKey privateKey) {
    this.name = name;
    this.privateKey = privateKey;
    this.verifierKey = NoteVerifierKey.of(name, privateKey.publicKey());
  }

  /**
   * The signer named {@code name} for {@code privateKey}.
   *
   * @throws IllegalArgumentException if {@code name} is not a valid key name
   */
  public static NoteSigner of(String name, Ed25519PrivateKey privateKey) {
    String problem = NoteTexts.keyNameProblem(name);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new NoteSigner(name, privateKey);
  }

  /**
   * Reads Go's signer key text {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || seed)>},
   * checking that the key id is the one the name and derived public key give.
   */
  public static NoteSigner parse(String skey) throws NoteKeyFormatException {
    String what = "signer key";
    if (!skey.startsWith(PRIVATE_PREFIX)) {
      // Never echo the input: it may be a mistyped secret.
      throw new NoteKeyFormatException(what + ": must start with " + PRIVATE_PREFIX);
    }
    String rest = skey.substring(PRIVATE_PREFIX.length());
    int plus1 = rest.indexOf('+');
    int plus2 = plus1 < 0 ? -1 : rest.indexOf('+', plus1 + 1);
    if (plus2 < 0) {
      throw new NoteKeyFormatException(
          what + ": must be " + PRIVATE_PREFIX + "<name>+<hex key id>+<base64 key>");
    }
    String name = rest.substring(0, plus1);
    NoteVerifierKey.checkName(what, name);
    KeyId keyId = NoteVerifierKey.parseKeyId(what, rest.substring(plus1 + 1, plus2));
    byte[] typed = NoteVerifierKey.decodeTypedKey(what, rest.substring(plus2 + 1), true);
    byte[] seed = Arrays.copyOfRange(typed, 1, typed.length);
    NoteSigner signer = new NoteSigner(name, Ed25519PrivateKey.fromSeed(seed));
    Arrays.fill(seed, (byte) 0);
    Arrays.fill(typed, (byte) 0);
    if (!signer.keyId().equals(keyId)) {
      throw new NoteKeyFormatException(
          what
              + ": key id "
              + keyId.hex()
              + " does not match the name and key, which give "
              + signer.keyId().hex());
    }
    return signer;
  }

  /** The key name, which appears on every signature line. */
  public String name() {
    return name;
  }

  /** The key id. */
  public KeyId keyId() {
    return verifierKey.keyId();
  }

  /** The verifier key to publish so that others can check this signer's notes. */
  public NoteVerifierKey verifierKey() {
    return verifierKey;
  }

  /** Signs a note text's UTF-8 bytes (final newline included). */
  public NoteSignature sign(byte[] text) {
    return NoteSignature.wrap(name, keyId(), privateKey.sign(text).bytes());
  }

  /** Go's secret signer key text {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01||seed)>}. */
  public String toSignerKeyText() {
    byte[] typed = new byte[1 + Ed25519PrivateKey.SIZE];
    typed[0] = KeyId.ED25519;
    byte[] seed = privateKey.seed();
    System.arraycopy(seed, 0, typed, 1, seed.length);
    String text =
        PRIVATE_PREFIX
            + name
            + "+"
            + keyId().hex()
            + "+"
            + Base64.getEncoder().encodeToString(typed);
    Arrays.fill(seed, (byte) 0);
    Arrays.fill(typed, (byte) 0);
    return text;
  }

  /** Names the key by {@code name+keyid} only. */
  @Override
  public String toString() {
    return "NoteSigner(" + verifierKey.keyRef() + ")";
  }
}
