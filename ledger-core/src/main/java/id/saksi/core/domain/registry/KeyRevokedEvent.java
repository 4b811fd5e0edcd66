package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** A key was revoked. */
public record KeyRevokedEvent(RecordMeta meta, RevokeKeyCommand command) implements RegistryEvent {}
