package id.saksi.core.domain.registry;

import id.saksi.core.domain.AgencyKeyId;
import id.saksi.core.domain.RecordMeta;

/**
 * A key was added.
 *
 * @param keyId its id, SHA-256 of the key
 */
public record KeyAddedEvent(RecordMeta meta, AddKeyCommand command, AgencyKeyId keyId)
    implements RegistryEvent {}
