package id.saksi.core.domain.pact;

import id.saksi.core.domain.rule.Rule;
import java.util.List;

/** The rules of integrity pacts and neutrality pledges, with their sources. */
public final class PactRules {
  private PactRules() {}

  private static final String ISSUE =
      "issue 3, integrity pacts and neutrality pledges (one per signatory per election, a"
          + " duplicate rejected with the reference of the first)";

  /** One pact or pledge per signatory per election. */
  public static final Rule ONE_PER_SIGNATORY =
      new Rule(
          "pact.one-per-signatory",
          ISSUE + "; SKB 2022 Lampiran I (ikrar and integrity pact in every agency) [S44]",
          "A signatory signs one pact or pledge per election; a second is refused with the"
              + " position of the first.");

  /** The body agrees with the subject. */
  public static final Rule SUBJECT_MATCHES =
      new Rule(
          "pact.subject-matches",
          ISSUE,
          "The body's election and signatory reference are those of the subject"
              + " pact/ELECTION/PERSON-REF.");

  /** The election is in the catalogue. */
  public static final Rule ELECTION_KNOWN =
      new Rule(
          "pact.election-known",
          "catalogue, elections section",
          "The election is listed in" + " the catalogue in force.");

  /** The signatory's agency is the recording agency or one of its units. */
  public static final Rule AGENCY =
      new Rule(
          "pact.agency",
          "DOMAIN.md, Documents: pacts are signed in every agency, by PPKs, heads of OPD, staff"
              + " [S44, S45, S46]",
          "The signatory's agency is registered and is the recording agency or one of its units.");

  /** Agencies record pacts; the registrar does not. */
  public static final Rule RECORDER_KIND =
      new Rule(
          "pact.recorder-kind",
          "issue 3 (the registrar is the ledger's root of trust)",
          "Any registered agency except the registrar records pacts.");

  /** All pact rules. */
  public static final List<Rule> ALL =
      List.of(ONE_PER_SIGNATORY, SUBJECT_MATCHES, ELECTION_KNOWN, AGENCY, RECORDER_KIND);
}
