package id.saksi.core.domain.registry;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.RecordMeta;
import java.util.List;

/**
 * An agency was dissolved.
 *
 * @param revokedKeys the keys it still held, revoked at this position
 */
public record AgencyDissolvedEvent(
    RecordMeta meta, DissolveAgencyCommand command, List<KeyId> revokedKeys)
    implements RegistryEvent {
  public AgencyDissolvedEvent {
    revokedKeys = List.copyOf(revokedKeys);
  }
}
