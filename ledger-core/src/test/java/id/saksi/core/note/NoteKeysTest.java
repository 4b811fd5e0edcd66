package id.saksi.core.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.Ed25519PrivateKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verifier and signer keys, against golang.org/x/mod/sumdb/note's published keys. */
class NoteKeysTest {
  private static final String PETER_VKEY = Golden.text("note/go/PeterNeumann.vkey").strip();
  private static final String PETER_SKEY = Golden.text("note/go/PeterNeumann.skey").strip();
  private static final String ENOCH_VKEY = Golden.text("note/go/EnochRoot.vkey").strip();
  private static final String ENOCH_SKEY = Golden.text("note/go/EnochRoot.skey").strip();

  @Test
  void parse_goVerifierKey_readsNameKeyIdAndKey() throws Exception {
    NoteVerifierKey key = NoteVerifierKey.parse(PETER_VKEY);
    assertThat(key.name()).isEqualTo("PeterNeumann");
    assertThat(key.keyId()).isEqualTo(new KeyId(0xc74f20a3));
    assertThat(key.keyId().hex()).isEqualTo("c74f20a3");
    assertThat(key.encode()).isEqualTo(PETER_VKEY);
    assertThat(key.toString()).isEqualTo(PETER_VKEY);
    assertThat(NoteVerifierKey.parse(ENOCH_VKEY).encode()).isEqualTo(ENOCH_VKEY);
  }

  @Test
  void parse_goSignerKeys_deriveTheGoVerifierKeys() throws Exception {
    assertThat(NoteSigner.parse(PETER_SKEY).verifierKey().encode()).isEqualTo(PETER_VKEY);
    // EnochRoot's key is the one Go's ExampleSign_add_signatures generates from a reader of
    // zero bytes: the all-zero seed.
    NoteSigner enoch = NoteSigner.parse(ENOCH_SKEY);
    assertThat(enoch.verifierKey().encode()).isEqualTo(ENOCH_VKEY);
    assertThat(enoch.toSignerKeyText()).isEqualTo(ENOCH_SKEY);
    assertThat(NoteSigner.of("EnochRoot", Ed25519PrivateKey.fromSeed(new byte[32])).keyId())
        .isEqualTo(new KeyId(0xaf0cfe78));
  }

  @Test
  void signerToString_namesTheKeyAndHidesTheSecret() throws Exception {
    NoteSigner peter = NoteSigner.parse(PETER_SKEY);
    assertThat(peter.toString()).isEqualTo("NoteSigner(PeterNeumann+c74f20a3)");
    assertThat(peter.toSignerKeyText()).isEqualTo(PETER_SKEY);
  }

  @Test
  void keyId_isTheFirstFourBytesOfSha256OfNameNewlineTypeAndKey() throws Exception {
    // printf 'PeterNeumann\n' > m; echo ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | base64 -d
    //   >> m; sha256sum m   (starts c74f20a3)
    NoteVerifierKey key = NoteVerifierKey.parse(PETER_VKEY);
    assertThat(KeyId.compute("PeterNeumann", KeyId.ED25519, key.publicKey().bytes()))
        .isEqualTo(key.keyId());
    assertThat(NoteVerifierKey.of("PeterNeumann", key.publicKey())).isEqualTo(key);
  }

  /** Go's TestNewVerifier: every proper substring and every one-byte change must be refused. */
  @Test
  void parse_everyManglingOfTheGoVerifierKey_isRefusedAsAFormatError() {
    byte[] b = PETER_VKEY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int refused = 0;
    for (int i = 0; i <= b.length; i++) {
      for (int j = i + 1; j <= b.length; j++) {
        if (i != 0 || j != b.length) {
          String mangled = new String(b, i, j - i, java.nio.charset.StandardCharsets.US_ASCII);
          assertThatThrownBy(() -> NoteVerifierKey.parse(mangled))
              .as(mangled)
              .isInstanceOf(NoteKeyFormatException.class);
          refused++;
        }
      }
    }
    for (int i = 0; i < b.length; i++) {
      b[i]++;
      String mangled = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThatThrownBy(() -> NoteVerifierKey.parse(mangled))
          .as(mangled)
          .isInstanceOf(NoteKeyFormatException.class);
      b[i]--;
      refused++;
    }
    assertThat(refused).isEqualTo(b.length * (b.length + 1) / 2 - 1 + b.length);
  }

  /** Go's TestNewSigner: every proper substring and every one-byte change must be refused. */
  @Test
  void parse_everyManglingOfTheGoSignerKey_isRefusedAsAFormatError() {
    byte[] b = PETER_SKEY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i <= b.length; i++) {
      for (int j = i + 1; j <= b.length; j++) {
        if (i != 0 || j != b.length) {
          String mangled = new String(b, i, j - i, java.nio.charset.StandardCharsets.US_ASCII);
          assertThatThrownBy(() -> NoteSigner.parse(mangled))
              .isInstanceOf(NoteKeyFormatException.class);
        }
      }
    }
    for (int i = 0; i < b.length; i++) {
      b[i]++;
      String mangled = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertThatThrownBy(() -> NoteSigner.parse(mangled))
          .isInstanceOf(NoteKeyFormatException.class);
      b[i]--;
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          PeterNeumann+c74f20a3 | a verifier key is <name>+<hex key id>+<base64 key>, got 'PeterNeumann+c74f20a3'
          +c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: key name is empty
          Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: key name 'Peter Neumann' contains a space U+0020
          PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: key id must be 8 lower-case hex digits, got 'C74F20A3'
          PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: key id must be 8 lower-case hex digits, got 'c74f20a'
          PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: key id c74f20a4 does not match the name and key, which give c74f20a3
          PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T | verifier key: key is not canonical, padded base64: 'ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T'
          PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY== | verifier key: key is not canonical, padded base64: 'ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=='
          PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA== | verifier key: an Ed25519 key is 32 bytes after the type byte, got 33 bytes
          PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: unsupported signature type 0x65 (only 0x01, Ed25519, is supported)
          witness+c74f20a3+BBpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW | verifier key: unsupported signature type 0x04 (only 0x01, Ed25519, is supported)
          PeterNeumann+c74f20a3+ | verifier key: key is empty
          """)
  void parse_badVerifierKey_saysWhatIsWrong(String vkey, String message) {
    assertThatThrownBy(() -> NoteVerifierKey.parse(vkey))
        .isInstanceOf(NoteKeyFormatException.class)
        .hasMessage(message);
  }

  @Test
  void parse_verifierKeyThatIsNotACurvePoint_saysSo() {
    // Type 0x01 followed by 32 bytes of 0xff (y >= p: no point); key id adjusted to match.
    byte[] typed = new byte[33];
    typed[0] = 1;
    java.util.Arrays.fill(typed, 1, 33, (byte) 0xff);
    String id = KeyId.compute("bad", (byte) 1, java.util.Arrays.copyOfRange(typed, 1, 33)).hex();
    String vkey = "bad+" + id + "+" + java.util.Base64.getEncoder().encodeToString(typed);
    assertThatThrownBy(() -> NoteVerifierKey.parse(vkey))
        .isInstanceOf(NoteKeyFormatException.class)
        .hasMessage(
            "verifier key: not a valid Ed25519 public key: the 32 bytes are not a point of the"
                + " curve, or a point of small order");
  }

  @Test
  void parse_badSignerKey_saysWhatIsWrongWithoutEchoingIt() {
    assertThatThrownBy(() -> NoteSigner.parse(PETER_VKEY))
        .isInstanceOf(NoteKeyFormatException.class)
        .hasMessage("signer key: must start with PRIVATE+KEY+");
    assertThatThrownBy(() -> NoteSigner.parse(PETER_SKEY.replace("+c74f20a3+", "+c74f20a4+")))
        .isInstanceOf(NoteKeyFormatException.class)
        .hasMessage(
            "signer key: key id c74f20a4 does not match the name and key, which give c74f20a3");
  }

  @Test
  void parse_signerKeyWithBadBase64_doesNotEchoTheSecret() {
    String mangled = PETER_SKEY.substring(0, PETER_SKEY.length() - 1);
    assertThatThrownBy(() -> NoteSigner.parse(mangled))
        .isInstanceOf(NoteKeyFormatException.class)
        .hasMessage("signer key: key is not canonical, padded base64");
  }

  @Test
  void of_badKeyName_isAProgrammingError() {
    Ed25519PrivateKey key = Ed25519PrivateKey.fromSeed(HexFormat.of().parseHex("00".repeat(32)));
    assertThatThrownBy(() -> NoteSigner.of("a+b", key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key name 'a+b' contains a plus (U+002B)");
    assertThatThrownBy(() -> NoteSigner.of("", key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key name is empty");
    assertThatThrownBy(() -> NoteVerifierKey.of("a\u3000b", key.publicKey()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key name 'a\u3000b' contains a space U+3000");
  }
}
