package id.saksi.core.domain.registry;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.Optional;

/**
 * One key in the registry: whose it is and the positions between which it signs.
 *
 * <p>A key registered at position {@code a} and revoked at {@code r} signs entries at positions
 * {@code a < p <= r}: not the entry that registers it (another key signs that), and still the entry
 * that revokes it (an agency may retire a key with that key).
 */
public record KeyEntry(
    KeyId id,
    AgencyCode agency,
    Ed25519PublicKey key,
    Position addedAt,
    Optional<Position> revokedAt,
    Optional<RevocationReason> reason) {

  /** Whether the key signs an entry at {@code position}. */
  public boolean validAt(Position position) {
    return addedAt.isBefore(position)
        && (revokedAt.isEmpty() || !revokedAt.get().isBefore(position));
  }

  /** This entry revoked at {@code position}. */
  public KeyEntry revoked(Position position, RevocationReason why) {
    return new KeyEntry(id, agency, key, addedAt, Optional.of(position), Optional.of(why));
  }
}
