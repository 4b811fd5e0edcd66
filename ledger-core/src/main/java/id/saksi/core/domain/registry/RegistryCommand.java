package id.saksi.core.domain.registry;

/**
 * A record about the registry: genesis, agencies, keys, catalogue adoption, and the service's
 * records of access to and erasure of personal data.
 */
public sealed interface RegistryCommand
    permits GenesisCommand,
        RegisterAgencyCommand,
        DissolveAgencyCommand,
        AddKeyCommand,
        RevokeKeyCommand,
        AdoptCatalogueCommand,
        RecordDisclosureAccessCommand,
        EraseDisclosureCommand {}
