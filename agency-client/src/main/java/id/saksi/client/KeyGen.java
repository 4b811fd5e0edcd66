package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates an agency's signing key: a new Ed25519 key in an owner-only PKCS#8 PEM file, and beside
 * it the body of the {@code key.added} record that registers it (docs/domain.md, the registry).
 */
public final class KeyGen {
  /**
   * A key just created.
   *
   * @param keyFile the private key, PKCS#8 PEM, readable by its owner only
   * @param registrationFile the {@code key.added} body, ready for {@code sign --body}
   * @param keyId the key id statements name: SHA-256 of the raw public key, hex
   * @param publicKey the public key, whose base64 the registration body holds
   * @param registrationBody {@code {"agency": CODE, "publicKey": base64}}
   */
  public record Generated(
      Path keyFile,
      Path registrationFile,
      KeyId keyId,
      Ed25519PublicKey publicKey,
      ObjectNode registrationBody) {}

  private KeyGen() {}

  /**
   * Creates the key files for {@code agency} in {@code dir} (created if absent), named after the
   * agency and the first 8 hex digits of the key id, so that a second key never replaces the first.
   *
   * @throws java.nio.file.FileAlreadyExistsException if a file of that name exists (never replaced)
   */
  public static Generated generate(String agency, Path dir, SecureRandom random)
      throws IOException {
    Ed25519PrivateKey key = Ed25519PrivateKey.generate(random);
    KeyId id = KeyId.of(key.publicKey());
    String stem = agency + "-" + id.hex().substring(0, 8);
    Files.createDirectories(dir);
    Path keyFile = dir.resolve(stem + ".pem");
    Path registrationFile = dir.resolve(stem + ".key-added.json");
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("agency", agency);
    body.put("publicKey", key.publicKey().base64());
    key.writePemFile(keyFile);
    byte[] json = CanonicalJson.canonicalize(body);
    Files.write(
        registrationFile,
        (new String(json, UTF_8) + "\n").getBytes(UTF_8),
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return new Generated(keyFile, registrationFile, id, key.publicKey(), body);
  }
}
