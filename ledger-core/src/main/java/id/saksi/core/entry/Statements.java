package id.saksi.core.entry;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.InvalidSignatureException;
import id.saksi.core.crypto.KeyId;

/**
 * Signs and verifies statements: Ed25519 over the statement's canonical bytes (docs/format.md,
 * "Signature").
 */
public final class Statements {
  private Statements() {}

  /**
   * Signs {@code statement} with {@code key}; the signature names {@code key}'s id. The first
   * signature of an entry must be by the key the statement names; others are cosignatures.
   */
  public static StatementSignature sign(Statement statement, Ed25519PrivateKey key) {
    KeyId id = KeyId.ofPublicKey(key.publicKey().bytes());
    return StatementSignature.of(id, key.sign(statement.canonicalBytesView()));
  }

  /**
   * Checks that {@code signature} is a valid signature of {@code statement} by {@code key}.
   *
   * @throws StatementSignatureException if the signature names another key than {@code key}, or
   *     does not verify; the message names the key id and the record
   */
  public static void verify(Statement statement, StatementSignature signature, Ed25519PublicKey key)
      throws StatementSignatureException {
    KeyId id = KeyId.ofPublicKey(key.bytes());
    if (!id.equals(signature.key())) {
      throw new StatementSignatureException(
          signature.key(),
          "signature names key " + signature.key() + " but was checked against key " + id,
          null);
    }
    try {
      key.verify(statement.canonicalBytesView(), signature.signature());
    } catch (InvalidSignatureException e) {
      throw new StatementSignatureException(
          signature.key(),
          "signature by key " + signature.key() + " does not verify over " + statement,
          e);
    }
  }
}
