package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** The registrar and its first key exist. */
public record RegistryGenesisEvent(RecordMeta meta, GenesisCommand command)
    implements RegistryEvent {}
