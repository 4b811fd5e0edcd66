package id.saksi.api.domain;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import id.saksi.api.ledger.LedgerRecord;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import java.util.List;
import java.util.Objects;

/**
 * One accepted statement, the one Axon event its aggregate applies: the storage engine writes
 * exactly one ledger entry for it, at {@link #index()}, in the same transaction (DESIGN.md
 * invariant 1). The domain events {@code decide} returned ride along so that the aggregate's
 * event-sourcing handler can {@code evolve} without deciding again.
 *
 * <p>Stored as JSON by Axon's Jackson 3 serializer: the statement as its JSON object, signatures as
 * {@code {"key","sig"}}, and each domain event with its class name, because one statement's events
 * are of the aggregate's event types, which differ between aggregates. No personal data is in it:
 * statements carry digests, and disclosures are stored apart.
 *
 * @param index the ledger index of the entry
 * @param subject the aggregate, as the statement's subject names it
 * @param statement the signed statement
 * @param signatures its signatures
 * @param events the domain events, in order
 */
public record StatementRecordedEvent(
    long index,
    String subject,
    Statement statement,
    List<StatementSignature> signatures,
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) List<Object> events)
    implements LedgerRecord {

  /** Checks the fields. */
  public StatementRecordedEvent {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, got " + index);
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(statement, "statement");
    signatures = List.copyOf(signatures);
    events = List.copyOf(events);
  }

  /** The event recording {@code statement} with the domain events decide returned. */
  public static StatementRecordedEvent of(StatementToRecord statement, List<?> events) {
    return new StatementRecordedEvent(
        statement.position().value(),
        statement.subject(),
        statement.statement(),
        statement.signatures(),
        List.copyOf(events));
  }
}
