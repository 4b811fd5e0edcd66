package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** An auditor read the stored disclosures of an entry; the registry's state does not change. */
public record DisclosureAccessedEvent(RecordMeta meta, RecordDisclosureAccessCommand command)
    implements RegistryEvent {}
