package id.saksi.api.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a statement about an instrument (a circular or other regulation). */
public record RecordInstrumentStatementCommand(
    @TargetAggregateIdentifier String subject, StatementToRecord statement)
    implements RecordStatementCommand {

  /** The command for {@code statement}. */
  public static RecordInstrumentStatementCommand of(StatementToRecord statement) {
    return new RecordInstrumentStatementCommand(statement.subject(), statement);
  }
}
