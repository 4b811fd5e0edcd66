package id.saksi.api.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a statement about one signatory's integrity pact or pledge for one election. */
public record RecordPactStatementCommand(
    @TargetAggregateIdentifier String subject, StatementToRecord statement)
    implements RecordStatementCommand {

  /** The command for {@code statement}. */
  public static RecordPactStatementCommand of(StatementToRecord statement) {
    return new RecordPactStatementCommand(statement.subject(), statement);
  }
}
