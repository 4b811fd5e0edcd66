package id.saksi.api.domain;

import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;

/** Reads the subject of a stored event, which was checked when its statement was accepted. */
final class Subjects {
  private Subjects() {}

  static Subject of(StatementRecordedEvent event) {
    try {
      return Subject.parse(event.subject());
    } catch (RecordParseException e) {
      throw new IllegalStateException(
          "stored event for entry " + event.index() + " has an invalid subject", e);
    }
  }
}
