package id.saksi.core.domain.registry;

import id.saksi.core.domain.RecordMeta;

/** What an accepted registry record changes. */
public sealed interface RegistryEvent
    permits RegistryGenesisEvent,
        AgencyRegisteredEvent,
        AgencyDissolvedEvent,
        KeyAddedEvent,
        KeyRevokedEvent,
        CatalogueAdoptedEvent,
        DisclosureAccessedEvent,
        DisclosureErasedEvent {
  /** The statement it came from. */
  RecordMeta meta();
}
