package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** An agency was registered. */
public record AgencyRegisteredEvent(RecordMeta meta, RegisterAgencyCommand command)
    implements RegistryEvent {}
