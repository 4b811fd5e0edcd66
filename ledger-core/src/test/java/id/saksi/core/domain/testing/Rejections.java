package id.saksi.core.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.domain.rule.Rule;

/** Assertions on rejections: rule, source, subject, state and the exact message. */
public final class Rejections {
  private Rejections() {}

  /** Asserts the rule, its own source, the subject, the state and the message. */
  public static void assertRejection(
      Rejection r, Rule rule, String subject, String state, String message) {
    assertRejection(r, rule, rule.source(), subject, state, message);
  }

  /** Asserts the rule, the given source, the subject, the state and the message. */
  public static void assertRejection(
      Rejection r, Rule rule, String source, String subject, String state, String message) {
    assertThat(r.rule()).as("rule").isEqualTo(rule);
    assertThat(r.source()).as("source").isEqualTo(source);
    assertThat(r.subject().text()).as("subject").isEqualTo(subject);
    assertThat(r.state()).as("state").isEqualTo(state);
    assertThat(r.message()).as("message").isEqualTo(message);
  }
}
