package id.saksi.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8032 section 7.1 test vectors: TEST 1, 2, 3, 1024 and SHA(abc). */
class Ed25519Rfc8032Test {
  private static final HexFormat HEX = HexFormat.of();

  private static Map<String, byte[]> vector(String name) {
    Map<String, byte[]> fields = new HashMap<>();
    for (String line : Golden.text("crypto/rfc8032/" + name + ".txt").split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(": ");
      fields.put(line.substring(0, colon), HEX.parseHex(line.substring(colon + 2)));
    }
    return fields;
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-1", "test-2", "test-3", "test-1024", "test-sha-abc"})
  void sign_rfc8032Vector_givesThePublishedPublicKeyAndSignature(String name) {
    Map<String, byte[]> v = vector(name);
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(v.get("secret-key"));
    assertThat(key.publicKey().bytes()).isEqualTo(v.get("public-key"));
    assertThat(key.sign(v.get("message")).bytes()).isEqualTo(v.get("signature"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-1", "test-2", "test-3", "test-1024", "test-sha-abc"})
  void verify_rfc8032Vector_acceptsItAndRejectsEveryFlippedSignatureBit(String name)
      throws Exception {
    Map<String, byte[]> v = vector(name);
    Ed25519PublicKey key = Ed25519PublicKey.fromBytes(v.get("public-key"));
    byte[] message = v.get("message");
    key.verify(message, Ed25519Signature.of(v.get("signature")));
    for (int bit = 0; bit < Ed25519Signature.SIZE * 8; bit++) {
      byte[] sig = v.get("signature");
      sig[bit / 8] ^= (byte) (1 << (bit % 8));
      Ed25519Signature bad = Ed25519Signature.of(sig);
      assertThatThrownBy(() -> key.verify(message, bad))
          .isInstanceOf(InvalidSignatureException.class)
          .hasMessage("Ed25519 signature does not verify under public key " + key.base64());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-2", "test-3", "test-1024", "test-sha-abc"})
  void verify_messageWithOneBitFlipped_failsNamingTheKey(String name) throws Exception {
    Map<String, byte[]> v = vector(name);
    Ed25519PublicKey key = Ed25519PublicKey.fromBytes(v.get("public-key"));
    byte[] message = v.get("message");
    message[message.length - 1] ^= 1;
    InvalidSignatureException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidSignatureException.class,
            () -> key.verify(message, Ed25519Signature.of(v.get("signature"))));
    assertThat(e.key()).isEqualTo(key);
  }
}
