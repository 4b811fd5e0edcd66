package id.saksi.api.domain;

import id.saksi.core.domain.Position;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import java.util.List;
import java.util.Objects;

/**
 * What every record-statement command carries: a signed statement whose signatures the sequencer
 * has already checked against the key registry as of {@code position}, its record read by the
 * domain, and the context the domain judges it in.
 *
 * <p>The position is assigned before the command runs, under the ledger head's row lock, because
 * the domain needs it (key validity, the catalogue in force, and the events record it); the entry
 * written for the resulting event takes exactly this index.
 *
 * @param position the ledger index the entry will take if the record is accepted
 * @param statement the signed statement
 * @param signatures its signatures, the statement's own key first
 * @param record the statement's type, subject and body as the domain read them
 * @param context the registry and catalogue as of {@code position}
 */
public record StatementToRecord(
    Position position,
    Statement statement,
    List<StatementSignature> signatures,
    ParsedRecord record,
    Context context) {

  /** Checks the parts agree; a mismatch is a bug of the sequencer. */
  public StatementToRecord {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(statement, "statement");
    signatures = List.copyOf(signatures);
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(context, "context");
    if (!context.position().equals(position)) {
      throw new IllegalArgumentException(
          "context is for position " + context.position() + ", not " + position);
    }
    if (!record.subject().text().equals(statement.subject())) {
      throw new IllegalArgumentException(
          "record subject " + record.subject() + " is not the statement's " + statement.subject());
    }
  }

  /** The aggregate identifier: the subject's text, such as {@code case/LPG-2024-0001}. */
  public String subject() {
    return record.subject().text();
  }
}
