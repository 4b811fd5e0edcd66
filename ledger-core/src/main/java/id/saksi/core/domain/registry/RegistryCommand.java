package id.saksi.core.domain.registry;

/** A record about the registry: genesis, agencies, keys, catalogue adoption. */
public sealed interface RegistryCommand
    permits GenesisCommand,
        RegisterAgencyCommand,
        DissolveAgencyCommand,
        AddKeyCommand,
        RevokeKeyCommand,
        AdoptCatalogueCommand {}
