package id.saksi.core.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 public key (RFC 8032 section 5.1.5): 32 bytes that decode to a point of the curve,
 * immutable.
 *
 * <p>It reads and writes the raw 32 bytes, their base64, and the SubjectPublicKeyInfo of RFC 8410
 * as DER or as PEM ({@code -----BEGIN PUBLIC KEY-----}). Bytes that are not a point, or are a point
 * of small order, are refused when the key is read, so a key that exists can verify. Verification
 * uses Bouncy Castle, which keeps the decoded point with the key (about 20 times faster than the
 * JDK's Ed25519 here).
 */
public final class Ed25519PublicKey {
  /** Length of an encoded Ed25519 public key in bytes. */
  public static final int SIZE = 32;

  /** Largest public key file {@link #readFile} reads; a PEM key is about 113 bytes. */
  static final int MAX_FILE_BYTES = 16 * 1024;

  private static final String PEM_LABEL = "PUBLIC KEY";

  // SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (0 unused bits) <32 bytes> }, RFC 8410.
  private static final byte[] SPKI_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  private final byte[] bytes;
  private final Ed25519PublicKeyParameters params;

  private Ed25519PublicKey(byte[] bytes, Ed25519PublicKeyParameters params) {
    this.bytes = bytes;
    this.params = params;
  }

  /** The public half of a private key, already known to be valid. */
  static Ed25519PublicKey wrap(Ed25519PublicKeyParameters params) {
    return new Ed25519PublicKey(params.getEncoded(), params);
  }

  /** Parameters for Bouncy Castle; only for this package. */
  Ed25519PublicKeyParameters params() {
    return params;
  }

  /** Reads the raw 32-byte encoding of RFC 8032 section 5.1.2. */
  public static Ed25519PublicKey fromBytes(byte[] raw) throws KeyFormatException {
    if (raw.length != SIZE) {
      throw new KeyFormatException(
          "an Ed25519 public key is " + SIZE + " bytes, got " + raw.length + " bytes");
    }
    byte[] copy = raw.clone();
    Ed25519PublicKeyParameters params;
    try {
      params = new Ed25519PublicKeyParameters(copy);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "not a valid Ed25519 public key: the 32 bytes are not a point of the curve, or a point"
              + " of small order",
          e);
    }
    return new Ed25519PublicKey(copy, params);
  }

  /** Reads standard padded base64 of the raw 32 bytes. */
  public static Ed25519PublicKey fromBase64(String base64) throws KeyFormatException {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException(
          "an Ed25519 public key in base64 is not valid base64: " + e.getMessage(), e);
    }
    if (!Base64.getEncoder().encodeToString(raw).equals(base64)) {
      throw new KeyFormatException(
          "an Ed25519 public key in base64 must be canonical, padded base64");
    }
    return fromBytes(raw);
  }

  /** Reads a DER SubjectPublicKeyInfo (RFC 8410 section 4). */
  public static Ed25519PublicKey fromSpkiDer(byte[] der) throws KeyFormatException {
    String what = "SubjectPublicKeyInfo";
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(Der.parseOne(der, what));
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
      throw new KeyFormatException(what + " has the wrong structure: " + e.getMessage(), e);
    }
    Der.requireEd25519(info.getAlgorithm(), what);
    ASN1BitString bits = info.getPublicKeyData();
    if (bits.getPadBits() != 0) {
      throw new KeyFormatException(what + " public key BIT STRING has unused bits");
    }
    return fromBytes(bits.getOctets());
  }

  /** Reads a PEM SubjectPublicKeyInfo ({@code -----BEGIN PUBLIC KEY-----}). */
  public static Ed25519PublicKey fromSpkiPem(String pem) throws KeyFormatException {
    return fromSpkiDer(Pem.decode(pem, PEM_LABEL));
  }

  /**
   * Reads a public key in whichever of the four encodings {@code content} is in.
   *
   * <p>The form is decided by shape before anything is decoded, so that an error describes the form
   * the input looked like: text starting with {@code -----BEGIN} is PEM; text of base64 characters
   * only (with an optional final newline) is base64 of the raw key; other input of exactly 32 bytes
   * is the raw key; anything else is DER. (32 random bytes are all base64 characters with
   * probability 2^-64.)
   */
  public static Ed25519PublicKey decode(byte[] content) throws KeyFormatException {
    if (startsWith(content, "-----BEGIN".getBytes(US_ASCII))) {
      return fromSpkiPem(new String(content, US_ASCII));
    }
    int end = content.length;
    if (end > 0 && content[end - 1] == '\n') {
      end--;
      if (end > 0 && content[end - 1] == '\r') {
        end--;
      }
    }
    if (end > 0 && isBase64Text(content, end)) {
      return fromBase64(new String(content, 0, end, US_ASCII));
    }
    if (content.length == SIZE) {
      return fromBytes(content);
    }
    return fromSpkiDer(content);
  }

  /** Reads a public key file in any of the encodings {@link #decode} accepts. */
  public static Ed25519PublicKey readFile(Path path) throws IOException, KeyFormatException {
    byte[] content;
    try (InputStream in = Files.newInputStream(path)) {
      content = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (content.length > MAX_FILE_BYTES) {
      throw new KeyFormatException(
          path + " is larger than " + MAX_FILE_BYTES + " bytes: not a public key file");
    }
    try {
      return decode(content);
    } catch (KeyFormatException e) {
      throw new KeyFormatException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks an Ed25519 signature (RFC 8032 section 5.1.7) on {@code message}.
   *
   * @throws InvalidSignatureException naming this key, if the signature does not verify
   */
  public void verify(byte[] message, Ed25519Signature signature) throws InvalidSignatureException {
    boolean valid =
        params.verify(
            Ed25519.Algorithm.Ed25519,
            null,
            message,
            0,
            message.length,
            signature.internalBytes(),
            0);
    if (!valid) {
      throw new InvalidSignatureException(this);
    }
  }

  /** A copy of the raw 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Copies the raw 32 bytes into {@code dest} at {@code offset}. */
  public void copyTo(byte[] dest, int offset) {
    System.arraycopy(bytes, 0, dest, offset, SIZE);
  }

  /** Standard padded base64 of the raw 32 bytes. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** DER SubjectPublicKeyInfo, 44 bytes (RFC 8410 section 4). */
  public byte[] toSpkiDer() {
    byte[] der = new byte[SPKI_PREFIX.length + SIZE];
    System.arraycopy(SPKI_PREFIX, 0, der, 0, SPKI_PREFIX.length);
    System.arraycopy(bytes, 0, der, SPKI_PREFIX.length, SIZE);
    return der;
  }

  /** PEM SubjectPublicKeyInfo, as {@code openssl pkey -pubout} writes it. */
  public String toSpkiPem() {
    return Pem.encode(PEM_LABEL, toSpkiDer());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey
        && MessageDigest.isEqual(bytes, ((Ed25519PublicKey) o).bytes);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(bytes);
  }

  /** The key in base64: a public key is not secret, and naming it helps find a wrong one. */
  @Override
  public String toString() {
    return "Ed25519PublicKey(" + base64() + ")";
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length
        && java.util.Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean isBase64Text(byte[] content, int end) {
    for (int i = 0; i < end; i++) {
      int c = content[i];
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/'
              || c == '=';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
