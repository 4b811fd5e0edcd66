package id.saksi.core.domain.registry;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every agency key ever registered, with its validity interval; immutable.
 *
 * <p>Because each key records where it was added and where it was revoked, a registry at any later
 * position answers correctly for every earlier one: {@code require(k, a, p)} on the final registry
 * is the same answer the registry as of {@code p} would give. A verifier can therefore check
 * signatures in parallel against one registry once it has replayed the registry records.
 */
public final class KeyRegistry {
  /** The registry with no keys. */
  public static final KeyRegistry EMPTY = new KeyRegistry(Map.of());

  private final Map<KeyId, KeyEntry> keys;

  private KeyRegistry(Map<KeyId, KeyEntry> keys) {
    this.keys = keys;
  }

  /**
   * The public key with id {@code keyId}, if it is {@code agency}'s and valid at {@code position}
   * (DESIGN.md invariant 4: a key revoked at r signs nothing after r).
   */
  public Ed25519PublicKey require(KeyId keyId, AgencyCode agency, Position position)
      throws KeyNotValidException {
    KeyEntry k = keys.get(keyId);
    if (k == null) {
      throw new KeyNotValidException(
          keyId,
          agency,
          position,
          KeyNotValidException.Reason.UNKNOWN,
          "no such key is registered");
    }
    if (!k.agency().equals(agency)) {
      throw new KeyNotValidException(
          keyId,
          agency,
          position,
          KeyNotValidException.Reason.OTHER_AGENCY,
          "the key belongs to " + k.agency());
    }
    if (!k.addedAt().isBefore(position)) {
      throw new KeyNotValidException(
          keyId,
          agency,
          position,
          KeyNotValidException.Reason.NOT_YET_VALID,
          "the key was registered at position " + k.addedAt() + " and signs only entries after it");
    }
    if (k.revokedAt().isPresent() && k.revokedAt().get().isBefore(position)) {
      throw new KeyNotValidException(
          keyId,
          agency,
          position,
          KeyNotValidException.Reason.REVOKED,
          "the key was revoked ("
              + k.reason().orElseThrow()
              + ") at position "
              + k.revokedAt().get()
              + " and signs nothing after it");
    }
    return k.key();
  }

  /** The key with this id, valid or not. */
  public Optional<KeyEntry> get(KeyId keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** The keys of {@code agency} valid at {@code position}. */
  public List<KeyEntry> validKeysOf(AgencyCode agency, Position position) {
    return keys.values().stream()
        .filter(k -> k.agency().equals(agency) && k.validAt(position))
        .sorted((a, b) -> a.addedAt().compareTo(b.addedAt()))
        .toList();
  }

  /** Every key, by id. */
  public Map<KeyId, KeyEntry> all() {
    return Collections.unmodifiableMap(keys);
  }

  KeyRegistry with(KeyEntry entry) {
    Map<KeyId, KeyEntry> copy = new HashMap<>(keys);
    copy.put(entry.id(), entry);
    return new KeyRegistry(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRegistry && keys.equals(((KeyRegistry) o).keys);
  }

  @Override
  public int hashCode() {
    return keys.hashCode();
  }
}
