package id.saksi.api.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a statement about a violation case. */
public record RecordCaseStatementCommand(
    @TargetAggregateIdentifier String subject, StatementToRecord statement)
    implements RecordStatementCommand {

  /** The command for {@code statement}. */
  public static RecordCaseStatementCommand of(StatementToRecord statement) {
    return new RecordCaseStatementCommand(statement.subject(), statement);
  }
}
