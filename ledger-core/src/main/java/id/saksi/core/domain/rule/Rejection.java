package id.saksi.core.domain.rule;

import id.saksi.core.domain.Subject;

/**
 * Why a record was refused: the aggregate it was about and the state that aggregate is in, the rule
 * it broke and that rule's source, and a message a clerk understands. A rejection changes nothing.
 *
 * @param subject the case, instrument, pact or registry the record was about
 * @param state the aggregate's current state, such as {@code RECOMMENDED}, or {@code NONE} if it
 *     does not exist yet
 * @param rule the rule broken
 * @param source the source of the rule as it applied here: the regulation, or the exact catalogue
 *     entry in force
 * @param message what is wrong and what to do
 */
public record Rejection(Subject subject, String state, Rule rule, String source, String message) {
  /** One line with every fact, for logs and problem details. */
  @Override
  public String toString() {
    return subject + " in state " + state + ": rule " + rule.id() + " (" + source + "): " + message;
  }
}
