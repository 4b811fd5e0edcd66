package id.saksi.core.domain.rule;

import id.saksi.core.domain.AgencyInfo;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.calendar.CalendarNotCoveredException;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.validation.LetterNumber;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds rejections for one aggregate in one state, so that a decide function reads as a list of
 * rules: {@code g.check(cond, RULE, () -> "message")}. Messages are built only when a check fails,
 * so legal records (nearly all of a replay) pay for no string work.
 */
public final class Guard {
  private final Subject subject;
  private final String state;

  public Guard(Subject subject, String state) {
    this.subject = subject;
    this.state = state;
  }

  /** Fails with {@code rule} and its own source unless {@code ok}. */
  public void check(boolean ok, Rule rule, Supplier<String> message) throws RejectedException {
    if (!ok) {
      throw fail(rule, rule.source(), message.get());
    }
  }

  /** Fails with {@code rule}, citing {@code source} (a catalogue entry), unless {@code ok}. */
  public void check(boolean ok, Rule rule, Supplier<String> source, Supplier<String> message)
      throws RejectedException {
    if (!ok) {
      throw fail(rule, source.get(), message.get());
    }
  }

  /** The rejection under {@code rule} with its own source, to throw. */
  public RejectedException fail(Rule rule, String message) {
    return fail(rule, rule.source(), message);
  }

  /** The rejection under {@code rule} citing {@code source}, to throw. */
  public RejectedException fail(Rule rule, String source, String message) {
    return new RejectedException(new Rejection(subject, state, rule, source, message));
  }

  /** The signing agency, which must be registered and not dissolved. */
  public AgencyInfo actor(Context ctx) throws RejectedException {
    Optional<AgencyInfo> actor = ctx.actor();
    if (actor.isEmpty()) {
      throw fail(
          CommonRules.ACTOR_ACTIVE,
          "agency " + ctx.agency() + " is not registered; the registrar must register it first");
    }
    if (actor.get().dissolvedBy(ctx.position())) {
      throw fail(
          CommonRules.ACTOR_ACTIVE,
          "agency "
              + ctx.agency()
              + " was dissolved at position "
              + actor.get().dissolvedAt().orElseThrow()
              + " and can record nothing after it");
    }
    return actor.get();
  }

  /** The catalogue in force, which must exist. */
  public Catalogue catalogue(Context ctx) throws RejectedException {
    if (ctx.catalogue().isEmpty()) {
      throw fail(
          CommonRules.CATALOGUE_IN_FORCE,
          "no catalogue is in force at position "
              + ctx.position()
              + "; the registrar must adopt one with catalogue.adopted first");
    }
    return ctx.catalogue().get();
  }

  /** Fails unless {@code date}, the date of an act, is not after the statement's issue date. */
  public void notFuture(Context ctx, String field, LocalDate date) throws RejectedException {
    if (date.isAfter(ctx.issuedDate())) {
      throw fail(
          CommonRules.DATE_NOT_FUTURE,
          field
              + " is "
              + date
              + ", after the statement was issued ("
              + ctx.issuedAt()
              + "); a record states what has happened");
    }
  }

  /** Fails unless {@code later} (the date of this step) is on or after {@code earlier}. */
  public void notBefore(String field, LocalDate later, String earlierWhat, LocalDate earlier)
      throws RejectedException {
    if (later.isBefore(earlier)) {
      throw fail(
          CommonRules.DATES_ORDERED,
          field + " is " + later + ", before " + earlierWhat + " (" + earlier + ")");
    }
  }

  /** Fails if the year or month a letter number carries contradicts the letter's date. */
  public void letterMatchesDate(LetterNumber number, String dateField, LocalDate date)
      throws RejectedException {
    Optional<String> mismatch = number.mismatchWith(date);
    if (mismatch.isPresent()) {
      throw fail(
          CommonRules.LETTER_NUMBER_DATE,
          mismatch.get() + " (" + dateField + "); correct whichever was mistyped");
    }
  }

  /** Converts a calendar gap into a rejection under {@link CommonRules#CALENDAR_COVERED}. */
  public RejectedException calendarGap(Catalogue catalogue, CalendarNotCoveredException e) {
    return fail(CommonRules.CALENDAR_COVERED, catalogue.label() + ", calendar", e.getMessage());
  }

  /** The aggregate this guard speaks for. */
  public Subject subject() {
    return subject;
  }

  /** The state it is in. */
  public String state() {
    return state;
  }
}
