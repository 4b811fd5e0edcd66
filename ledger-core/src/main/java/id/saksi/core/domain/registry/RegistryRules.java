package id.saksi.core.domain.registry;

import id.saksi.core.domain.rule.Rule;
import java.util.List;

/** The rules of the registry of agencies, keys and catalogues, with their sources. */
public final class RegistryRules {
  private RegistryRules() {}

  private static final String ISSUE = "issue 3, registry of agencies and keys";

  /** Genesis is entry 0 and happens once; nothing comes before it. */
  public static final Rule GENESIS_FIRST =
      new Rule(
          "registry.genesis-first",
          ISSUE + "; DESIGN.md (entry index from 0)",
          "registry.genesis is entry 0 of an empty ledger, and every other record comes after it.");

  /** The genesis statement is signed by the key it registers, for the agency it registers. */
  public static final Rule GENESIS_SELF_SIGNED =
      new Rule(
          "registry.genesis-self-signed",
          ISSUE + " (the registrar is registered at genesis, carrying its public key)",
          "The genesis statement names the registrar it registers as its agency and is signed by"
              + " the key it registers.");

  /** Only the registrar registers and dissolves agencies and adopts catalogues. */
  public static final Rule REGISTRAR_ONLY =
      new Rule(
          "registry.registrar-only",
          ISSUE + " (the registrar registers agencies); catalogue adoption is registrar-signed",
          "agency.registered, agency.dissolved and catalogue.adopted are signed by the"
              + " registrar.");

  /** An agency code is registered once. */
  public static final Rule AGENCY_UNIQUE =
      new Rule("agency.unique", ISSUE, "An agency code is registered only once.");

  /** A parent is a registered agency that still exists. */
  public static final Rule AGENCY_PARENT =
      new Rule(
          "agency.parent",
          ISSUE + " (agencies have a parent)",
          "An agency's parent is registered and not dissolved.");

  /** Kind, parent and PPK flag fit together. */
  public static final Rule AGENCY_KIND =
      new Rule(
          "agency.kind",
          ISSUE + "; PPK per UU 20/2023 and PP 94/2021 (DOMAIN.md step 5)",
          "No second registrar is registered; a UNIT has a parent and is not a PPK.");

  /** Records about an agency name a registered agency. */
  public static final Rule AGENCY_EXISTS =
      new Rule("agency.exists", ISSUE, "A record about an agency names a registered agency.");

  /** A dissolved agency gets no keys and is not dissolved twice. */
  public static final Rule AGENCY_ACTIVE =
      new Rule(
          "agency.active",
          ISSUE,
          "A dissolved agency receives no new keys and is not dissolved again.");

  /** The registrar is never dissolved. */
  public static final Rule REGISTRAR_PERMANENT =
      new Rule(
          "agency.registrar-permanent",
          ISSUE + " (the registrar is the ledger's root of trust)",
          "The registrar cannot be dissolved.");

  /** An agency's keys are added and revoked by that agency or by the registrar. */
  public static final Rule KEY_SIGNER =
      new Rule(
          "key.signer",
          ISSUE
              + " (an agency adds keys with a current key's signature or the registrar's; keys are"
              + " revoked by the agency or the registrar)",
          "key.added and key.revoked are signed by the agency the key belongs to, or by the"
              + " registrar.");

  /** A key is registered once, to one agency. */
  public static final Rule KEY_UNIQUE =
      new Rule(
          "key.unique",
          ISSUE + "; DESIGN.md (an agency's own key makes forgery by others impossible)",
          "A public key is registered only once, to one agency.");

  /** A revoked key is the named agency's. */
  public static final Rule KEY_OWNER =
      new Rule("key.owner", ISSUE, "A revocation names a key of the agency it names.");

  /** A key is revoked once. */
  public static final Rule KEY_REVOKE_ONCE =
      new Rule("key.revoke-once", ISSUE, "A revoked key is not revoked again.");

  /** The registrar keeps at least one valid key. */
  public static final Rule REGISTRAR_KEEPS_A_KEY =
      new Rule(
          "key.registrar-keeps-one",
          ISSUE + " (the registrar is the ledger's root of trust)",
          "The registrar cannot revoke its last valid key: nothing could be registered after it.");

  /** Catalogue versions follow one another, one catalogue identity. */
  public static final Rule CATALOGUE_NEXT_VERSION =
      new Rule(
          "catalogue.next-version",
          "issue 3 (a correction is a new catalogue version, recorded in the ledger, never an"
              + " edit)",
          "An adopted catalogue has the identity of the first one and the next version number.");

  /** Only the registrar (the service, with its key) records access to and erasure of data. */
  public static final Rule DISCLOSURE_REGISTRAR_ONLY =
      new Rule(
          "disclosure.registrar-only",
          "issue 6, access (every read of personal data is recorded in the ledger) and erasure"
              + " (UU 27/2022 Pasal 8, recorded as a ledger record)",
          "disclosure.accessed and disclosure.erased are signed by the registrar: the service"
              + " records them with its own key, never an agency.");

  /** An access or erasure record names an earlier entry. */
  public static final Rule DISCLOSURE_ENTRY_EARLIER =
      new Rule(
          "disclosure.entry-earlier",
          "issue 6 (access and erasure concern disclosures stored with an entry)",
          "disclosure.accessed and disclosure.erased name the position of an earlier entry.");

  /** All registry rules. */
  public static final List<Rule> ALL =
      List.of(
          GENESIS_FIRST,
          GENESIS_SELF_SIGNED,
          REGISTRAR_ONLY,
          AGENCY_UNIQUE,
          AGENCY_PARENT,
          AGENCY_KIND,
          AGENCY_EXISTS,
          AGENCY_ACTIVE,
          REGISTRAR_PERMANENT,
          KEY_SIGNER,
          KEY_UNIQUE,
          KEY_OWNER,
          KEY_REVOKE_ONCE,
          REGISTRAR_KEEPS_A_KEY,
          CATALOGUE_NEXT_VERSION,
          DISCLOSURE_REGISTRAR_ONLY,
          DISCLOSURE_ENTRY_EARLIER);
}
