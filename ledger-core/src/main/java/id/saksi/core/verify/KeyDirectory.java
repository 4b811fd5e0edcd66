package id.saksi.core.verify;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public keys seen so far in genesis and {@code key.added} records, by key id, shared by the
 * signature-checking threads.
 *
 * <p>It answers only "which public key has this id": since a key id is the SHA-256 of the public
 * key, any key found under an id is that id's key, whoever registered it and whenever. Whether the
 * key may sign an entry at its position is a different question, answered in ledger order by the
 * key registry as it stands at that position ({@code LedgerState.signingKey}); this directory never
 * answers it. A thread that meets a key not yet here (registered in a batch another thread is still
 * reading) leaves the signature to the sequential stage.
 */
final class KeyDirectory {
  private final Map<KeyId, Ed25519PublicKey> keys = new ConcurrentHashMap<>();

  /** Records {@code key} under its own id. */
  void add(Ed25519PublicKey key) {
    keys.putIfAbsent(KeyId.of(key), key);
  }

  /** The public key with this id, or {@code null} if none has been seen. */
  Ed25519PublicKey get(KeyId id) {
    return keys.get(id);
  }
}
