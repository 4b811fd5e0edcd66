package id.saksi.core.domain.instrument;

import id.saksi.core.domain.rule.Rule;
import java.util.List;

/** The rules of circulars and other instruments, with their sources. */
public final class InstrumentRules {
  private InstrumentRules() {}

  private static final String ISSUE =
      "issue 3, circulars and other instruments (amended or revoked only by a later record that"
          + " references them)";

  /** An instrument is issued once under its subject. */
  public static final Rule UNIQUE =
      new Rule("instrument.unique", ISSUE, "An instrument ID is issued only once.");

  /** Amendments and revocations need an issued instrument. */
  public static final Rule EXISTS =
      new Rule(
          "instrument.exists",
          ISSUE,
          "instrument.amended and instrument.revoked concern an instrument already issued.");

  /** Agencies issue instruments; the registrar does not. */
  public static final Rule ISSUER_KIND =
      new Rule(
          "instrument.issuer-kind",
          "issue 3 (the registrar is the ledger's root of trust, not a regulator)",
          "Any registered agency except the registrar issues instruments.");

  /** Co-issuers of a joint decree are registered agencies. */
  public static final Rule CO_ISSUERS =
      new Rule(
          "instrument.co-issuers",
          "DOMAIN.md, Instruments (SKB 2022, a joint decree of five bodies)",
          "The co-issuers of a joint instrument are registered agencies other than the issuer.");

  /** Only the issuer amends or revokes. */
  public static final Rule ISSUER_ONLY =
      new Rule(
          "instrument.issuer-only",
          ISSUE,
          "Only the agency that issued an instrument amends or revokes it.");

  /** A revoked instrument takes no further records. */
  public static final Rule NOT_REVOKED =
      new Rule(
          "instrument.not-revoked", ISSUE, "A revoked instrument is neither amended nor revoked.");

  /** References name a record of this instrument. */
  public static final Rule REFERENCE =
      new Rule(
          "instrument.reference",
          ISSUE,
          "An amendment names the issue or an earlier amendment of the same instrument by its"
              + " position; a revocation names the issue.");

  /** All instrument rules. */
  public static final List<Rule> ALL =
      List.of(UNIQUE, EXISTS, ISSUER_KIND, CO_ISSUERS, ISSUER_ONLY, NOT_REVOKED, REFERENCE);
}
