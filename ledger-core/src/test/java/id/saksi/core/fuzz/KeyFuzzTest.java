package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the readers of Ed25519 keys: public keys raw, in base64, as DER or PEM
 * SubjectPublicKeyInfo, and by {@link Ed25519PublicKey#decode}, which picks the form by shape; and
 * PKCS#8 private keys as DER or PEM. Only {@link KeyFormatException} escapes; a key that reads
 * writes back to a form that reads as the same key, and strict forms (raw, base64, DER SPKI) write
 * back as exactly the input.
 */
class KeyFuzzTest {
  private static final Path CRYPTO = FuzzSeeds.RESOURCES.resolve("crypto");

  static Stream<Arguments> publicKeySeeds() throws IOException {
    FuzzSeeds seeds = FuzzSeeds.forTarget("public-key").tree(CRYPTO.resolve("rfc8410"));
    try (Stream<Path> files = Files.list(CRYPTO.resolve("mutations"))) {
      files
          .filter(f -> f.getFileName().toString().startsWith("public-"))
          .sorted()
          .forEach(seeds::file);
    }
    return seeds.stream();
  }

  @MethodSource("publicKeySeeds")
  @FuzzTest
  void publicKey(byte[] input) {
    try {
      writesBack(Ed25519PublicKey.decode(input));
    } catch (KeyFormatException e) {
      // not a public key in any form
    }
    try {
      Ed25519PublicKey k = Ed25519PublicKey.fromBytes(input);
      assertThat(k.bytes()).isEqualTo(input);
      writesBack(k);
    } catch (KeyFormatException e) {
      // not 32 bytes of a point
    }
    try {
      Ed25519PublicKey k = Ed25519PublicKey.fromSpkiDer(input);
      assertThat(k.toSpkiDer()).isEqualTo(input);
      writesBack(k);
    } catch (KeyFormatException e) {
      // not DER
    }
    String text = new String(input, UTF_8);
    try {
      Ed25519PublicKey k = Ed25519PublicKey.fromBase64(text);
      assertThat(k.base64()).isEqualTo(text);
      writesBack(k);
    } catch (KeyFormatException e) {
      // not base64
    }
    try {
      writesBack(Ed25519PublicKey.fromSpkiPem(text));
    } catch (KeyFormatException e) {
      // not PEM
    }
  }

  private static void writesBack(Ed25519PublicKey k) {
    try {
      assertThat(Ed25519PublicKey.fromSpkiDer(k.toSpkiDer())).isEqualTo(k);
      assertThat(Ed25519PublicKey.fromSpkiPem(k.toSpkiPem())).isEqualTo(k);
      assertThat(Ed25519PublicKey.fromBase64(k.base64())).isEqualTo(k);
      assertThat(Ed25519PublicKey.decode(k.toSpkiPem().getBytes(US_ASCII))).isEqualTo(k);
    } catch (KeyFormatException e) {
      throw new AssertionError("a key that was read does not read back from its own writing", e);
    }
  }

  static Stream<Arguments> privateKeySeeds() throws IOException {
    FuzzSeeds seeds = FuzzSeeds.forTarget("private-key");
    try (Stream<Path> files =
        Stream.concat(
            Files.list(CRYPTO.resolve("rfc8410")), Files.list(CRYPTO.resolve("mutations")))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".pem")).sorted().toList()) {
        if (!f.getFileName().toString().startsWith("private")) {
          continue;
        }
        seeds.file(f);
        // The DER inside, where there is one, seeds the DER reader.
        String pem = new String(FuzzSeeds.read(f), US_ASCII);
        String body = pem.replaceAll("-----[^\n]*-----", "").replaceAll("\\s", "");
        try {
          seeds.add(f.getFileName() + " (DER)", Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
          // a mutation whose body is not base64: the PEM seed covers it
        }
      }
    }
    return seeds.stream();
  }

  @MethodSource("privateKeySeeds")
  @FuzzTest
  void privateKey(byte[] input) {
    try {
      writesBack(Ed25519PrivateKey.fromPkcs8Der(input));
    } catch (KeyFormatException e) {
      // not PKCS#8 DER of an Ed25519 key
    }
    try {
      writesBack(Ed25519PrivateKey.fromPkcs8Pem(new String(input, UTF_8)));
    } catch (KeyFormatException e) {
      // not PKCS#8 PEM of an Ed25519 key
    }
  }

  private static void writesBack(Ed25519PrivateKey k) {
    try {
      assertThat(Ed25519PrivateKey.fromPkcs8Der(k.toPkcs8Der())).isEqualTo(k);
      assertThat(Ed25519PrivateKey.fromPkcs8Pem(k.toPkcs8Pem())).isEqualTo(k);
    } catch (KeyFormatException e) {
      throw new AssertionError("a key that was read does not read back from its own writing", e);
    }
  }
}
