package id.saksi.core.domain.registry;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.AgencyKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordMeta;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.Decision;
import id.saksi.core.domain.rule.Guard;
import id.saksi.core.domain.rule.RejectedException;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * decide and evolve for the registry: genesis, agencies, keys and catalogue adoption. Every rule of
 * {@link RegistryRules} lives in {@link #decide}; {@link #evolve} applies accepted events without
 * checking anything.
 */
public final class RegistryDecider {
  private RegistryDecider() {}

  /** The events {@code command} produces in {@code state}, or why it is refused. */
  public static Decision<RegistryEvent> decide(
      RegistryCommand command, RegistryState state, Context ctx) {
    Guard g = new Guard(Subject.REGISTRY, state.isEmpty() ? "EMPTY" : "ACTIVE");
    try {
      return Decision.accept(decideOrThrow(command, state, ctx, g));
    } catch (RejectedException e) {
      return Decision.reject(e.rejection());
    }
  }

  private static RegistryEvent decideOrThrow(
      RegistryCommand command, RegistryState state, Context ctx, Guard g) throws RejectedException {
    RecordMeta meta = ctx.meta();
    if (command instanceof GenesisCommand) {
      GenesisCommand c = (GenesisCommand) command;
      g.check(
          state.isEmpty() && ctx.position().equals(Position.GENESIS),
          RegistryRules.GENESIS_FIRST,
          () ->
              state.isEmpty()
                  ? "registry.genesis must be entry 0, not entry " + ctx.position()
                  : "the ledger already has its genesis; the registrar is "
                      + state.registrar().orElseThrow());
      g.check(
          ctx.agency().equals(c.code()),
          RegistryRules.GENESIS_SELF_SIGNED,
          () ->
              "the statement's agency is "
                  + ctx.agency()
                  + " but the body registers "
                  + c.code()
                  + "; the registrar signs its own genesis");
      KeyId bodyKey = KeyId.of(c.publicKey());
      g.check(
          ctx.signingKey().equals(bodyKey),
          RegistryRules.GENESIS_SELF_SIGNED,
          () ->
              "the statement is signed with key "
                  + ctx.signingKey()
                  + " but the body registers key "
                  + bodyKey
                  + "; sign the genesis with the key it registers");
      return new RegistryGenesisEvent(meta, c);
    }
    if (state.isEmpty()) {
      throw g.fail(
          RegistryRules.GENESIS_FIRST,
          "the ledger has no genesis yet; entry 0 must be registry.genesis");
    }
    AgencyInfo actor = g.actor(ctx);
    boolean byRegistrar = actor.kind() == AgencyKind.REGISTRAR;
    if (command instanceof RegisterAgencyCommand) {
      RegisterAgencyCommand c = (RegisterAgencyCommand) command;
      requireRegistrar(g, byRegistrar, RegisterAgencyCommand.TYPE, actor);
      g.check(
          state.agency(c.code()).isEmpty(),
          RegistryRules.AGENCY_UNIQUE,
          () ->
              "agency "
                  + c.code()
                  + " is already registered (at position "
                  + state.agency(c.code()).orElseThrow().registeredAt()
                  + "); choose another code");
      g.check(
          c.kind() != AgencyKind.REGISTRAR,
          RegistryRules.AGENCY_KIND,
          () -> "the ledger has one registrar, registered at genesis; choose another kind");
      g.check(
          c.kind() != AgencyKind.UNIT || c.parent().isPresent(),
          RegistryRules.AGENCY_KIND,
          () -> "a UNIT belongs to an agency; give its parent");
      g.check(
          c.kind() != AgencyKind.UNIT || !c.ppk(),
          RegistryRules.AGENCY_KIND,
          () -> "the head of a UNIT is not a PPK; register it with ppk=false");
      if (c.parent().isPresent()) {
        AgencyCode parent = c.parent().get();
        Optional<AgencyInfo> p = state.agency(parent);
        g.check(
            p.isPresent(),
            RegistryRules.AGENCY_PARENT,
            () -> "the parent " + parent + " is not registered; register it first");
        g.check(
            !p.get().dissolvedBy(ctx.position()),
            RegistryRules.AGENCY_PARENT,
            () -> "the parent " + parent + " was dissolved; choose the agency that succeeded it");
      }
      return new AgencyRegisteredEvent(meta, c);
    }
    if (command instanceof DissolveAgencyCommand) {
      DissolveAgencyCommand c = (DissolveAgencyCommand) command;
      requireRegistrar(g, byRegistrar, DissolveAgencyCommand.TYPE, actor);
      AgencyInfo target = existing(g, state, c.code());
      g.check(
          target.kind() != AgencyKind.REGISTRAR,
          RegistryRules.REGISTRAR_PERMANENT,
          () -> "the registrar is the ledger's root of trust and cannot be dissolved");
      g.check(
          target.dissolvedAt().isEmpty(),
          RegistryRules.AGENCY_ACTIVE,
          () ->
              "agency "
                  + c.code()
                  + " was already dissolved at position "
                  + target.dissolvedAt().orElseThrow());
      g.notFuture(ctx, "dissolvedOn", c.dissolvedOn());
      List<KeyId> revoked = new ArrayList<>();
      for (KeyEntry k : state.keys().validKeysOf(c.code(), ctx.position())) {
        revoked.add(k.id());
      }
      return new AgencyDissolvedEvent(meta, c, revoked);
    }
    if (command instanceof AddKeyCommand) {
      AddKeyCommand c = (AddKeyCommand) command;
      requireOwnerOrRegistrar(g, byRegistrar, actor, c.agency(), AddKeyCommand.TYPE);
      AgencyInfo owner = existing(g, state, c.agency());
      g.check(
          owner.dissolvedAt().isEmpty(),
          RegistryRules.AGENCY_ACTIVE,
          () -> "agency " + c.agency() + " was dissolved and receives no new keys");
      KeyId id = KeyId.of(c.publicKey());
      Optional<KeyEntry> existing = state.keys().get(id);
      g.check(
          existing.isEmpty(),
          RegistryRules.KEY_UNIQUE,
          () ->
              "key "
                  + id
                  + " is already registered to "
                  + existing.orElseThrow().agency()
                  + " (at position "
                  + existing.orElseThrow().addedAt()
                  + "); generate a new key pair");
      return new KeyAddedEvent(meta, c, id);
    }
    if (command instanceof RevokeKeyCommand) {
      RevokeKeyCommand c = (RevokeKeyCommand) command;
      requireOwnerOrRegistrar(g, byRegistrar, actor, c.agency(), RevokeKeyCommand.TYPE);
      AgencyInfo owner = existing(g, state, c.agency());
      Optional<KeyEntry> key = state.keys().get(c.key());
      g.check(
          key.isPresent() && key.get().agency().equals(c.agency()),
          RegistryRules.KEY_OWNER,
          () ->
              key.isEmpty()
                  ? "no key " + c.key() + " is registered"
                  : "key " + c.key() + " belongs to " + key.get().agency() + ", not " + c.agency());
      g.check(
          key.get().revokedAt().isEmpty(),
          RegistryRules.KEY_REVOKE_ONCE,
          () ->
              "key "
                  + c.key()
                  + " was already revoked ("
                  + key.get().reason().orElseThrow()
                  + ") at position "
                  + key.get().revokedAt().orElseThrow());
      if (owner.kind() == AgencyKind.REGISTRAR) {
        long others =
            state.keys().all().values().stream()
                .filter(
                    k ->
                        k.agency().equals(owner.code())
                            && k.revokedAt().isEmpty()
                            && !k.id().equals(c.key()))
                .count();
        g.check(
            others > 0,
            RegistryRules.REGISTRAR_KEEPS_A_KEY,
            () ->
                "key "
                    + c.key()
                    + " is the registrar's last valid key; add a new registrar key first");
      }
      return new KeyRevokedEvent(meta, c);
    }
    if (command instanceof RecordDisclosureAccessCommand) {
      RecordDisclosureAccessCommand c = (RecordDisclosureAccessCommand) command;
      requireDisclosureRecorder(g, byRegistrar, actor, RecordDisclosureAccessCommand.TYPE);
      requireEarlier(g, ctx, c.entry());
      return new DisclosureAccessedEvent(meta, c);
    }
    if (command instanceof EraseDisclosureCommand) {
      EraseDisclosureCommand c = (EraseDisclosureCommand) command;
      requireDisclosureRecorder(g, byRegistrar, actor, EraseDisclosureCommand.TYPE);
      requireEarlier(g, ctx, c.entry());
      return new DisclosureErasedEvent(meta, c);
    }
    AdoptCatalogueCommand c = (AdoptCatalogueCommand) command;
    requireRegistrar(g, byRegistrar, AdoptCatalogueCommand.TYPE, actor);
    Catalogue next = c.catalogue();
    if (!state.adoptions().isEmpty()) {
      Catalogue first = state.adoptions().get(0).catalogue();
      Catalogue current = state.catalogue().orElseThrow();
      g.check(
          next.id().equals(first.id()),
          RegistryRules.CATALOGUE_NEXT_VERSION,
          () -> "the ledger follows catalogue " + first.id() + "; this body carries " + next.id());
      g.check(
          next.version() == current.version() + 1,
          RegistryRules.CATALOGUE_NEXT_VERSION,
          () ->
              "version "
                  + current.version()
                  + " is in force (adopted at position "
                  + state.adoptions().get(state.adoptions().size() - 1).at()
                  + "); the next adoption must be version "
                  + (current.version() + 1)
                  + ", not "
                  + next.version());
    }
    g.notFuture(ctx, "catalogue.publishedOn", next.publishedOn());
    return new CatalogueAdoptedEvent(meta, c);
  }

  private static void requireRegistrar(Guard g, boolean byRegistrar, String type, AgencyInfo actor)
      throws RejectedException {
    g.check(
        byRegistrar,
        RegistryRules.REGISTRAR_ONLY,
        () ->
            type
                + " is signed by the registrar, not by "
                + actor.code()
                + " ("
                + actor.kind()
                + ")");
  }

  private static void requireDisclosureRecorder(
      Guard g, boolean byRegistrar, AgencyInfo actor, String type) throws RejectedException {
    g.check(
        byRegistrar,
        RegistryRules.DISCLOSURE_REGISTRAR_ONLY,
        () ->
            type
                + " is recorded by the service with the registrar's key, not by "
                + actor.code()
                + " ("
                + actor.kind()
                + ")");
  }

  private static void requireEarlier(Guard g, Context ctx, Position entry)
      throws RejectedException {
    g.check(
        entry.value() < ctx.position().value(),
        RegistryRules.DISCLOSURE_ENTRY_EARLIER,
        () ->
            "entry "
                + entry
                + " is not before this record's position "
                + ctx.position()
                + "; name an entry already in the ledger");
  }

  private static void requireOwnerOrRegistrar(
      Guard g, boolean byRegistrar, AgencyInfo actor, AgencyCode owner, String type)
      throws RejectedException {
    g.check(
        byRegistrar || actor.code().equals(owner),
        RegistryRules.KEY_SIGNER,
        () ->
            type
                + " for "
                + owner
                + " is signed by "
                + owner
                + " itself or by the registrar, not by "
                + actor.code());
  }

  private static AgencyInfo existing(Guard g, RegistryState state, AgencyCode code)
      throws RejectedException {
    Optional<AgencyInfo> info = state.agency(code);
    if (info.isEmpty()) {
      throw g.fail(
          RegistryRules.AGENCY_EXISTS, "agency " + code + " is not registered; check the code");
    }
    return info.get();
  }

  /** The state after {@code event}; total on every sequence of events decide accepted. */
  public static RegistryState evolve(RegistryState state, RegistryEvent event) {
    Position at = event.meta().position();
    if (event instanceof RegistryGenesisEvent) {
      GenesisCommand c = ((RegistryGenesisEvent) event).command();
      return state
          .withRegistrar(c.code())
          .withAgency(
              new AgencyInfo(
                  c.code(),
                  c.name(),
                  AgencyKind.REGISTRAR,
                  Optional.empty(),
                  false,
                  at,
                  Optional.empty()))
          .withKey(
              new KeyEntry(
                  KeyId.of(c.publicKey()),
                  c.code(),
                  c.publicKey(),
                  at,
                  Optional.empty(),
                  Optional.empty()));
    }
    if (event instanceof AgencyRegisteredEvent) {
      RegisterAgencyCommand c = ((AgencyRegisteredEvent) event).command();
      return state.withAgency(
          new AgencyInfo(c.code(), c.name(), c.kind(), c.parent(), c.ppk(), at, Optional.empty()));
    }
    if (event instanceof AgencyDissolvedEvent) {
      AgencyDissolvedEvent e = (AgencyDissolvedEvent) event;
      AgencyInfo old = state.agency(e.command().code()).orElseThrow();
      RegistryState next =
          state.withAgency(
              new AgencyInfo(
                  old.code(),
                  old.name(),
                  old.kind(),
                  old.parent(),
                  old.ppk(),
                  old.registeredAt(),
                  Optional.of(at)));
      for (KeyId id : e.revokedKeys()) {
        KeyEntry k = next.keys().get(id).orElseThrow();
        next = next.withKey(k.revoked(at, RevocationReason.AGENCY_DISSOLVED));
      }
      return next;
    }
    if (event instanceof KeyAddedEvent) {
      KeyAddedEvent e = (KeyAddedEvent) event;
      return state.withKey(
          new KeyEntry(
              e.keyId(),
              e.command().agency(),
              e.command().publicKey(),
              at,
              Optional.empty(),
              Optional.empty()));
    }
    if (event instanceof KeyRevokedEvent) {
      RevokeKeyCommand c = ((KeyRevokedEvent) event).command();
      KeyEntry k = state.keys().get(c.key()).orElseThrow();
      return state.withKey(k.revoked(at, c.reason()));
    }
    if (event instanceof DisclosureAccessedEvent || event instanceof DisclosureErasedEvent) {
      // Records about personal data change nothing the registry decides with: an access or an
      // erasure is in the ledger for auditors, and the store of disclosures is outside it.
      return state;
    }
    CatalogueAdoptedEvent e = (CatalogueAdoptedEvent) event;
    return state.withAdoption(new RegistryState.Adoption(at, e.command().catalogue()));
  }
}
