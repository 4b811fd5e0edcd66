package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** A catalogue version is in force after this position. */
public record CatalogueAdoptedEvent(RecordMeta meta, AdoptCatalogueCommand command)
    implements RegistryEvent {}
