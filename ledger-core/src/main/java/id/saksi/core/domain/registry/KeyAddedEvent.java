package id.saksi.core.domain.registry;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.RecordMeta;

/**
 * A key was added.
 *
 * @param keyId its id, SHA-256 of the key
 */
public record KeyAddedEvent(RecordMeta meta, AddKeyCommand command, KeyId keyId)
    implements RegistryEvent {}
