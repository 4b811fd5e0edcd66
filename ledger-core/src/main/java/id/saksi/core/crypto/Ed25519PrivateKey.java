package id.saksi.core.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.NoSuchElementException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 private key (RFC 8032 section 5.1.5): the 32-byte seed and its public key, immutable.
 *
 * <p>It is stored as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, RFC 8410 section 7), the form
 * {@code openssl genpkey -algorithm ed25519} writes, and the key file is created readable by its
 * owner only. {@link #toString()} shows the public key and never the seed. Signing uses Bouncy
 * Castle (about 20 times faster than the JDK's Ed25519 here) and is deterministic: the same key and
 * message always give the same signature.
 */
public final class Ed25519PrivateKey {
  /** Length of an Ed25519 private key (the seed) in bytes. */
  public static final int SIZE = 32;

  /** Largest private key file {@link #readPemFile} reads; a PEM key is about 119 bytes. */
  static final int MAX_FILE_BYTES = 16 * 1024;

  private static final String PEM_LABEL = "PRIVATE KEY";

  // PrivateKeyInfo version 0: SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 },
  // OCTET STRING { OCTET STRING <32 bytes> } }, RFC 8410 section 7 (and its example in 10.3).
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private final Ed25519PrivateKeyParameters params;
  private final Ed25519PublicKey publicKey;

  private Ed25519PrivateKey(Ed25519PrivateKeyParameters params) {
    this.params = params;
    Ed25519PublicKeyParameters pub = params.generatePublicKey();
    this.publicKey = Ed25519PublicKey.wrap(pub);
  }

  /** A new random key. */
  public static Ed25519PrivateKey generate(SecureRandom random) {
    return new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(random));
  }

  /**
   * The key whose 32-byte seed is {@code seed} (RFC 8032's "private key").
   *
   * @throws IllegalArgumentException if {@code seed} is not 32 bytes: code that holds a seed of
   *     another length has a bug (keys read from input go through {@link #fromPkcs8Der})
   */
  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    if (seed.length != SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 private key is " + SIZE + " bytes, got " + seed.length + " bytes");
    }
    return new Ed25519PrivateKey(new Ed25519PrivateKeyParameters(seed.clone()));
  }

  /**
   * Reads a DER PKCS#8 PrivateKeyInfo (RFC 5958) holding an Ed25519 key (RFC 8410 section 7).
   *
   * <p>Version 1 (seed only, as OpenSSL and this class write it) and version 2 (with the public
   * key, as Bouncy Castle writes it) are accepted; an embedded public key must be the one the seed
   * derives. Attributes are ignored.
   */
  public static Ed25519PrivateKey fromPkcs8Der(byte[] der) throws KeyFormatException {
    String what = "PKCS#8 PrivateKeyInfo";
    ASN1Primitive object = Der.parseOne(der, what);
    PrivateKeyInfo info;
    try {
      info = PrivateKeyInfo.getInstance(object);
    } catch (IllegalArgumentException
        | IllegalStateException
        | ClassCastException
        | NoSuchElementException e) {
      // Bouncy Castle reads a SEQUENCE with too few elements (30 00) past its end.
      throw new KeyFormatException(what + " has the wrong structure: " + e.getMessage(), e);
    }
    BigInteger version = info.getVersion().getValue();
    if (!version.equals(BigInteger.ZERO) && !version.equals(BigInteger.ONE)) {
      throw new KeyFormatException(what + " has version " + version + ", expected 0 or 1");
    }
    Der.requireEd25519(info.getPrivateKeyAlgorithm(), what);
    // The privateKey OCTET STRING wraps a CurvePrivateKey, itself an OCTET STRING (RFC 8410 7).
    ASN1Encodable inner;
    try {
      inner = Der.parseOne(info.getPrivateKey().getOctets(), "Ed25519 CurvePrivateKey");
    } catch (KeyFormatException e) {
      throw new KeyFormatException(what + ": " + e.getMessage(), e);
    }
    if (!(inner instanceof ASN1OctetString)) {
      throw new KeyFormatException(
          what + ": the Ed25519 CurvePrivateKey must be an OCTET STRING of 32 bytes");
    }
    byte[] seed = ((ASN1OctetString) inner).getOctets();
    if (seed.length != SIZE) {
      throw new KeyFormatException(
          what + ": an Ed25519 private key is " + SIZE + " bytes, got " + seed.length + " bytes");
    }
    Ed25519PrivateKey key = fromSeed(seed);
    if (info.hasPublicKey()) {
      byte[] embedded = info.getPublicKeyData().getBytes();
      if (info.getPublicKeyData().getPadBits() != 0
          || !MessageDigest.isEqual(embedded, key.publicKey.bytes())) {
        throw new KeyFormatException(
            what + ": the embedded public key is not the public key of the private key");
      }
    }
    return key;
  }

  /** Reads PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); see {@link #fromPkcs8Der}. */
  public static Ed25519PrivateKey fromPkcs8Pem(String pem) throws KeyFormatException {
    return fromPkcs8Der(Pem.decode(pem, PEM_LABEL));
  }

  /** Reads a PKCS#8 PEM key file. */
  public static Ed25519PrivateKey readPemFile(Path path) throws IOException, KeyFormatException {
    byte[] content;
    try (InputStream in = Files.newInputStream(path)) {
      content = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (content.length > MAX_FILE_BYTES) {
      throw new KeyFormatException(
          path + " is larger than " + MAX_FILE_BYTES + " bytes: not a private key file");
    }
    try {
      return fromPkcs8Pem(new String(content, US_ASCII));
    } catch (KeyFormatException e) {
      throw new KeyFormatException(path + ": " + e.getMessage(), e);
    }
  }

  /** The public key of this private key. */
  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  /** Signs {@code message} (RFC 8032 section 5.1.6, pure Ed25519 with no context). */
  public Ed25519Signature sign(byte[] message) {
    byte[] sig = new byte[Ed25519Signature.SIZE];
    // Bouncy Castle caches the derived public key inside params, so this costs one signature.
    params.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, sig, 0);
    return Ed25519Signature.wrap(sig);
  }

  /** A copy of the 32-byte seed: secret, handle with care. */
  public byte[] seed() {
    return params.getEncoded();
  }

  /** DER PKCS#8 PrivateKeyInfo version 1, 48 bytes, as in RFC 8410 section 10.3. */
  public byte[] toPkcs8Der() {
    byte[] der = new byte[PKCS8_PREFIX.length + SIZE];
    System.arraycopy(PKCS8_PREFIX, 0, der, 0, PKCS8_PREFIX.length);
    params.encode(der, PKCS8_PREFIX.length);
    return der;
  }

  /** PKCS#8 PEM, as {@code openssl genpkey -algorithm ed25519} writes it. */
  public String toPkcs8Pem() {
    return Pem.encode(PEM_LABEL, toPkcs8Der());
  }

  /**
   * Writes this key as PKCS#8 PEM to a new file {@code path}.
   *
   * <p>Where the file system has POSIX permissions the file is created with mode {@code rw-------}
   * from the start, so the key is never readable by others, not even briefly. The file appears
   * complete or not at all; an existing file is never replaced.
   *
   * @throws java.nio.file.FileAlreadyExistsException if {@code path} exists
   */
  public void writePemFile(Path path) throws IOException {
    KeyFiles.createOwnerOnly(path, toPkcs8Pem().getBytes(US_ASCII));
  }

  /** Equal if the seeds are equal; compared in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PrivateKey
        && MessageDigest.isEqual(params.getEncoded(), ((Ed25519PrivateKey) o).params.getEncoded());
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  /** Names the public key only: the seed never appears in logs or messages. */
  @Override
  public String toString() {
    return "Ed25519PrivateKey(public key " + publicKey.base64() + ")";
  }
}
