package id.saksi.core.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Ed25519PublicKeyTest {
  // RFC 8410 section 10.1.
  private static final String RFC8410_PUBLIC =
      "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

  private static Ed25519PublicKey rfc8410() throws KeyFormatException {
    return Ed25519PublicKey.fromBytes(HexFormat.of().parseHex(RFC8410_PUBLIC));
  }

  @Test
  void fromSpkiPem_rfc8410Example_readsTheKey() throws Exception {
    assertThat(Ed25519PublicKey.fromSpkiPem(Golden.text("crypto/rfc8410/public-key.pem")))
        .isEqualTo(rfc8410());
  }

  @Test
  void encodings_rfc8410Key_areByteIdenticalToTheGoldenFiles() throws Exception {
    Ed25519PublicKey key = rfc8410();
    assertThat(key.toSpkiPem()).isEqualTo(Golden.text("crypto/rfc8410/public-key.pem"));
    assertThat(key.toSpkiDer()).isEqualTo(Golden.bytes("crypto/rfc8410/public-key.der"));
    assertThat(key.bytes()).isEqualTo(Golden.bytes("crypto/rfc8410/public-key.raw"));
    assertThat(key.base64() + "\n").isEqualTo(Golden.text("crypto/rfc8410/public-key.b64"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"public-key.pem", "public-key.der", "public-key.raw", "public-key.b64"})
  void decode_anyOfTheFourEncodings_readsTheKey(String file) throws Exception {
    assertThat(Ed25519PublicKey.decode(Golden.bytes("crypto/rfc8410/" + file)))
        .isEqualTo(rfc8410());
  }

  @Test
  void readFile_readsAnyEncodingAndNamesTheFileOnError(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("log.pub");
    Files.write(good, Golden.bytes("crypto/rfc8410/public-key.der"));
    assertThat(Ed25519PublicKey.readFile(good)).isEqualTo(rfc8410());
    Path bad = dir.resolve("private.pem");
    Files.write(bad, Golden.bytes("crypto/rfc8410/private-key.pem"));
    assertThatThrownBy(() -> Ed25519PublicKey.readFile(bad))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(bad + ": wrong PEM label: expected PUBLIC KEY, got 'PRIVATE KEY'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          public-wrong-label.pem | wrong PEM label: expected PUBLIC KEY, got 'RSA PUBLIC KEY'
          public-wrong-oid-ed448.pem | SubjectPublicKeyInfo has algorithm OID 1.3.101.113 (Ed448), expected 1.3.101.112 (Ed25519)
          public-31-bytes.der | an Ed25519 public key is 32 bytes, got 31 bytes
          public-unused-bits.der | SubjectPublicKeyInfo public key BIT STRING has unused bits
          public-trailing-data.der | SubjectPublicKeyInfo has 1 bytes of trailing data
          public-not-a-point.b64 | not a valid Ed25519 public key: the 32 bytes are not a point of the curve, or a point of small order
          public-small-order.raw | not a valid Ed25519 public key: the 32 bytes are not a point of the curve, or a point of small order
          public-31-bytes.b64 | an Ed25519 public key is 32 bytes, got 31 bytes
          """)
  void decode_mutation_saysWhatIsWrong(String file, String message) {
    byte[] content = Golden.bytes("crypto/mutations/" + file);
    assertThatThrownBy(() -> Ed25519PublicKey.decode(content))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(message);
  }

  @Test
  void fromBase64_nonCanonical_isRejected() {
    // The canonical encoding ends "ZuE="; "ZuF=" differs only in padding bits.
    assertThatThrownBy(
            () -> Ed25519PublicKey.fromBase64("Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuF="))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("an Ed25519 public key in base64 must be canonical, padded base64");
    assertThatThrownBy(() -> Ed25519PublicKey.fromBase64("Gb9E*"))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("an Ed25519 public key in base64 is not valid base64: ");
  }

  @Test
  void fromSpkiDer_privateKeyDer_hasTheWrongStructure() {
    byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420" + "00".repeat(32));
    assertThatThrownBy(() -> Ed25519PublicKey.fromSpkiDer(pkcs8))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("SubjectPublicKeyInfo has the wrong structure: ");
  }

  @Test
  void verify_signatureByAnotherKey_failsNamingThisKey() throws Exception {
    Ed25519PrivateKey signer =
        Ed25519PrivateKey.fromSeed(HexFormat.of().parseHex("11" + "00".repeat(31)));
    byte[] message = "hello".getBytes(US_ASCII);
    Ed25519Signature sig = signer.sign(message);
    Ed25519PublicKey other = rfc8410();
    assertThatThrownBy(() -> other.verify(message, sig))
        .isInstanceOf(InvalidSignatureException.class)
        .hasMessage(
            "Ed25519 signature does not verify under public key "
                + "Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
  }

  @Test
  void bytes_areCopiedOnTheWayInAndOut() throws Exception {
    byte[] raw = HexFormat.of().parseHex(RFC8410_PUBLIC);
    Ed25519PublicKey key = Ed25519PublicKey.fromBytes(raw);
    raw[0] ^= 1;
    key.bytes()[0] ^= 1;
    assertThat(key).isEqualTo(rfc8410());
    assertThat(key.toString())
        .isEqualTo("Ed25519PublicKey(Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=)");
  }

  @Test
  void signatureOf_wrongLength_isAProgrammingError() {
    assertThatThrownBy(() -> Ed25519Signature.of(new byte[63]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an Ed25519 signature is 64 bytes, got 63 bytes");
  }
}
