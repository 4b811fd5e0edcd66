package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** The stored disclosures of an entry were erased; the registry's state does not change. */
public record DisclosureErasedEvent(RecordMeta meta, EraseDisclosureCommand command)
    implements RegistryEvent {}
