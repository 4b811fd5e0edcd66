package id.saksi.core.crypto;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed25519PrivateKeyTest {
  // RFC 8410 section 10.3: the example private key; its public key is the one of section 10.1.
  private static final String RFC8410_SEED =
      "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842";
  private static final String RFC8410_PUBLIC =
      "19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1";

  private static Ed25519PrivateKey rfc8410Key() {
    return Ed25519PrivateKey.fromSeed(HexFormat.of().parseHex(RFC8410_SEED));
  }

  @Test
  void fromPkcs8Pem_rfc8410Example_readsTheSeedAndDerivesTheSection10_1PublicKey()
      throws Exception {
    Ed25519PrivateKey key =
        Ed25519PrivateKey.fromPkcs8Pem(Golden.text("crypto/rfc8410/private-key.pem"));
    assertThat(HexFormat.of().formatHex(key.seed())).isEqualTo(RFC8410_SEED);
    assertThat(HexFormat.of().formatHex(key.publicKey().bytes())).isEqualTo(RFC8410_PUBLIC);
    assertThat(key.publicKey())
        .isEqualTo(Ed25519PublicKey.fromSpkiPem(Golden.text("crypto/rfc8410/public-key.pem")));
  }

  @Test
  void fromPkcs8Pem_rfc8410ExampleWithAttributesAndPublicKey_readsTheSameKey() throws Exception {
    Ed25519PrivateKey key =
        Ed25519PrivateKey.fromPkcs8Pem(
            Golden.text("crypto/rfc8410/private-key-with-attributes-and-public-key.pem"));
    assertThat(key).isEqualTo(rfc8410Key());
  }

  @Test
  void toPkcs8Pem_rfc8410Key_isByteIdenticalToTheRfcExample() {
    assertThat(rfc8410Key().toPkcs8Pem()).isEqualTo(Golden.text("crypto/rfc8410/private-key.pem"));
    assertThat(HexFormat.of().formatHex(rfc8410Key().toPkcs8Der()))
        .isEqualTo("302e020100300506032b657004220420" + RFC8410_SEED);
  }

  @Test
  void fromPkcs8Pem_acceptedVariants_readTheRfcKey() throws Exception {
    for (String name :
        new String[] {
          "private-crlf.pem", "private-no-final-newline.pem", "private-with-public-key.pem"
        }) {
      assertThat(Ed25519PrivateKey.fromPkcs8Pem(Golden.text("crypto/mutations/" + name)))
          .as(name)
          .isEqualTo(rfc8410Key());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          private-wrong-label.pem | wrong PEM label: expected PRIVATE KEY, got 'EC PRIVATE KEY'
          private-encrypted-label.pem | wrong PEM label: expected PRIVATE KEY, got 'ENCRYPTED PRIVATE KEY' (encrypted keys are not supported; decrypt it first, for example with 'openssl pkey -in encrypted.pem -out key.pem')
          private-mismatched-end-label.pem | PEM block ends with '-----END PUBLIC KEY-----', expected -----END PRIVATE KEY-----
          private-missing-end.pem | PEM block has no -----END PRIVATE KEY----- line
          private-text-before-begin.pem | expected a PEM block labelled PRIVATE KEY: the first line must be -----BEGIN PRIVATE KEY-----
          private-text-after-end.pem | trailing data after the -----END PRIVATE KEY----- line
          private-pem-headers.pem | PEM headers are not supported (is the key encrypted?): 'Proc-Type: 4,ENCRYPTED'
          private-body-not-base64.pem | PEM body is not valid base64: Illegal base64 character 2a
          private-empty-body.pem | PEM block labelled PRIVATE KEY has no data
          private-wrong-oid-x25519.pem | PKCS#8 PrivateKeyInfo has algorithm OID 1.3.101.110 (X25519), expected 1.3.101.112 (Ed25519)
          private-algorithm-parameters-null.pem | PKCS#8 PrivateKeyInfo has Ed25519 algorithm parameters; RFC 8410 requires them to be absent
          private-seed-31-bytes.pem | PKCS#8 PrivateKeyInfo: an Ed25519 private key is 32 bytes, got 31 bytes
          private-seed-33-bytes.pem | PKCS#8 PrivateKeyInfo: an Ed25519 private key is 32 bytes, got 33 bytes
          private-inner-not-octet-string.pem | PKCS#8 PrivateKeyInfo: the Ed25519 CurvePrivateKey must be an OCTET STRING of 32 bytes
          private-trailing-data.pem | PKCS#8 PrivateKeyInfo has 1 bytes of trailing data
          private-long-form-length.pem | PKCS#8 PrivateKeyInfo is not in DER (distinguished) encoding
          private-version-2.pem | PKCS#8 PrivateKeyInfo has the wrong structure: invalid version for private key info
          private-mismatched-public-key.pem | PKCS#8 PrivateKeyInfo: the embedded public key is not the public key of the private key
          public-wrong-label.pem | wrong PEM label: expected PRIVATE KEY, got 'RSA PUBLIC KEY'
          """)
  void fromPkcs8Pem_mutation_saysWhatIsWrong(String file, String message) {
    String pem = Golden.text("crypto/mutations/" + file);
    assertThatThrownBy(() -> Ed25519PrivateKey.fromPkcs8Pem(pem))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(message);
  }

  @Test
  void fromPkcs8Pem_publicKeyFile_saysItIsTheWrongLabel() {
    assertThatThrownBy(
            () -> Ed25519PrivateKey.fromPkcs8Pem(Golden.text("crypto/rfc8410/public-key.pem")))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("wrong PEM label: expected PRIVATE KEY, got 'PUBLIC KEY'");
  }

  @Test
  void fromPkcs8Pem_unarmouredBase64_doesNotEchoTheSecret() {
    String base64 = "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n";
    assertThatThrownBy(() -> Ed25519PrivateKey.fromPkcs8Pem(base64))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "expected a PEM block labelled PRIVATE KEY: the first line must be"
                + " -----BEGIN PRIVATE KEY-----");
  }

  @Test
  void fromPkcs8Der_empty_saysSo() {
    assertThatThrownBy(() -> Ed25519PrivateKey.fromPkcs8Der(new byte[0]))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("PKCS#8 PrivateKeyInfo is empty");
  }

  @Test
  void fromPkcs8Der_emptySequence_hasTheWrongStructure() {
    // Found by KeyFuzzTest: Bouncy Castle read past the end of 30 00 (NoSuchElementException).
    assertThatThrownBy(() -> Ed25519PrivateKey.fromPkcs8Der(new byte[] {0x30, 0x00}))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("PKCS#8 PrivateKeyInfo has the wrong structure");
  }

  @Test
  void fromPkcs8Der_publicKeyDer_hasTheWrongStructure() {
    byte[] spki = Golden.bytes("crypto/rfc8410/public-key.der");
    assertThatThrownBy(() -> Ed25519PrivateKey.fromPkcs8Der(spki))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("PKCS#8 PrivateKeyInfo has the wrong structure: ");
  }

  @Test
  void fromSeed_wrongLength_isAProgrammingError() {
    assertThatThrownBy(() -> Ed25519PrivateKey.fromSeed(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an Ed25519 private key is 32 bytes, got 31 bytes");
  }

  @Test
  void generate_signsWhatItsPublicKeyVerifies() throws Exception {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
    byte[] message = "a statement".getBytes(US_ASCII);
    key.publicKey().verify(message, key.sign(message));
    assertThat(Ed25519PrivateKey.fromPkcs8Pem(key.toPkcs8Pem())).isEqualTo(key);
    assertThat(Ed25519PrivateKey.generate(new SecureRandom())).isNotEqualTo(key);
  }

  @Test
  void toString_showsThePublicKeyAndNeverTheSeed() {
    Ed25519PrivateKey key = rfc8410Key();
    String s = key.toString();
    assertThat(s).isEqualTo("Ed25519PrivateKey(public key " + key.publicKey().base64() + ")");
    assertThat(s)
        .doesNotContain(RFC8410_SEED)
        .doesNotContain(Base64.getEncoder().encodeToString(key.seed()))
        .doesNotContain(Base64.getEncoder().encodeToString(key.toPkcs8Der()).substring(20));
  }

  @Test
  void writePemFile_createsAnOwnerOnlyFileThatReadsBack(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.key");
    rfc8410Key().writePemFile(file);
    assertThat(Files.readString(file, US_ASCII))
        .isEqualTo(Golden.text("crypto/rfc8410/private-key.pem"));
    assertThat(Ed25519PrivateKey.readPemFile(file)).isEqualTo(rfc8410Key());
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void writePemFile_existingFile_isNeverOverwritten(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.key");
    Files.writeString(file, "precious", US_ASCII);
    assertThatThrownBy(() -> Ed25519PrivateKey.generate(new SecureRandom()).writePemFile(file))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessage(file + ": refusing to overwrite an existing key file");
    assertThat(Files.readString(file, US_ASCII)).isEqualTo("precious");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void readPemFile_badFile_namesTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wrong.pem");
    Files.write(file, Golden.bytes("crypto/rfc8410/public-key.pem"));
    assertThatThrownBy(() -> Ed25519PrivateKey.readPemFile(file))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(file + ": wrong PEM label: expected PRIVATE KEY, got 'PUBLIC KEY'");
  }
}
