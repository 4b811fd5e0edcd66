package id.saksi.core.crypto;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Strict DER for the two structures of RFC 8410: exactly one object, in its distinguished encoding,
 * with nothing after it; the algorithm must be Ed25519 with absent parameters.
 */
final class Der {
  /** id-Ed25519, RFC 8410 section 3. */
  static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  // Names for the OIDs a user is likely to hand us by mistake, so the error can say what it got.
  private static final Map<String, String> KNOWN_ALGORITHMS =
      Map.of(
          "1.3.101.110", "X25519",
          "1.3.101.111", "X448",
          "1.3.101.113", "Ed448",
          "1.2.840.10045.2.1", "EC",
          "1.2.840.113549.1.1.1", "RSA",
          "1.2.840.10040.4.1", "DSA");

  private Der() {}

  /** Reads exactly one DER object that fills {@code der}. */
  static ASN1Primitive parseOne(byte[] der, String what) throws KeyFormatException {
    if (der.length == 0) {
      throw new KeyFormatException(what + " is empty");
    }
    ASN1Primitive object;
    try (ASN1InputStream in = new ASN1InputStream(der)) {
      object = in.readObject();
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException(what + " is not valid DER: " + e.getMessage(), e);
    }
    if (object == null) {
      throw new KeyFormatException(what + " is not valid DER: no object");
    }
    byte[] canonical;
    try {
      canonical = object.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new KeyFormatException(what + " is not valid DER: " + e.getMessage(), e);
    }
    if (canonical.length < der.length
        && Arrays.equals(canonical, 0, canonical.length, der, 0, canonical.length)) {
      throw new KeyFormatException(
          what + " has " + (der.length - canonical.length) + " bytes of trailing data");
    }
    if (!Arrays.equals(canonical, der)) {
      throw new KeyFormatException(what + " is not in DER (distinguished) encoding");
    }
    return object;
  }

  /** Requires id-Ed25519 with absent parameters (RFC 8410 section 3). */
  static void requireEd25519(AlgorithmIdentifier algorithm, String what) throws KeyFormatException {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (!ID_ED25519.equals(oid)) {
      String name = KNOWN_ALGORITHMS.get(oid.getId());
      throw new KeyFormatException(
          what
              + " has algorithm OID "
              + oid.getId()
              + (name == null ? "" : " (" + name + ")")
              + ", expected "
              + ID_ED25519.getId()
              + " (Ed25519)");
    }
    if (algorithm.getParameters() != null) {
      throw new KeyFormatException(
          what + " has Ed25519 algorithm parameters; RFC 8410 requires them to be absent");
    }
  }
}
