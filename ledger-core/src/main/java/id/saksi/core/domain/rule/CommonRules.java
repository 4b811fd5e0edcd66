package id.saksi.core.domain.rule;

import java.util.List;

/** Rules every kind of record obeys. */
public final class CommonRules {
  private CommonRules() {}

  /** The signer must be a registered, undissolved agency. */
  public static final Rule ACTOR_ACTIVE =
      new Rule(
          "record.actor-active",
          "issue 3 (registry of agencies and keys); DESIGN.md invariant 4",
          "A record is signed by an agency the registrar registered and has not dissolved.");

  /** Dates of acts are not after the statement's issue date. */
  public static final Rule DATE_NOT_FUTURE =
      new Rule(
          "record.date-not-future",
          "Saksi design: a statement records an act that has happened (docs/domain.md)",
          "The date of the act a record states is not after the statement's issuedAt, read in"
              + " UTC+9 (WIT).");

  /** Each step is dated on or after the step it follows. */
  public static final Rule DATES_ORDERED =
      new Rule(
          "record.dates-ordered",
          "DOMAIN.md workflow steps 1-8: each step follows the one before",
          "A step is not dated before the step it follows.");

  /** A letter number's year and month agree with the letter's date. */
  public static final Rule LETTER_NUMBER_DATE =
      new Rule(
          "record.letter-number-date",
          "Kepmendagri 78/2012 (numbering of official letters: classification / serial / unit /"
              + " year) [S63]",
          "When a letter number ends in a year (and a month before it), they match the letter's"
              + " date.");

  /** Rules that read the catalogue need one in force. */
  public static final Rule CATALOGUE_IN_FORCE =
      new Rule(
          "catalogue.in-force",
          "issue 3 (the regulatory catalogue is data adopted into the ledger)",
          "Records judged by the catalogue need a catalogue adopted before them.");

  /** Working-day deadlines need the calendar to cover the days counted. */
  public static final Rule CALENDAR_COVERED =
      new Rule(
          "calendar.covered",
          "catalogue, calendar section",
          "A working-day deadline is computed only over years the holiday calendar in force"
              + " covers.");

  /** All common rules. */
  public static final List<Rule> ALL =
      List.of(
          ACTOR_ACTIVE,
          DATE_NOT_FUTURE,
          DATES_ORDERED,
          LETTER_NUMBER_DATE,
          CATALOGUE_IN_FORCE,
          CALENDAR_COVERED);
}
