package id.saksi.api.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a statement about the registry (genesis, agencies, keys, catalogues). */
public record RecordRegistryStatementCommand(
    @TargetAggregateIdentifier String subject, StatementToRecord statement)
    implements RecordStatementCommand {

  /** The command for {@code statement}. */
  public static RecordRegistryStatementCommand of(StatementToRecord statement) {
    return new RecordRegistryStatementCommand(statement.subject(), statement);
  }
}
