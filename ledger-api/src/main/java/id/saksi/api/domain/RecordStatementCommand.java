package id.saksi.api.domain;

import id.saksi.core.domain.AggregateKind;

/**
 * A command that records one signed statement in the aggregate its subject names. There is one
 * command class per kind of aggregate, because Axon routes a command to its handler by class.
 */
public sealed interface RecordStatementCommand
    permits RecordRegistryStatementCommand,
        RecordInstrumentStatementCommand,
        RecordPactStatementCommand,
        RecordCaseStatementCommand {

  /** The target aggregate's identifier: the statement's subject. */
  String subject();

  /** The statement and everything the domain needs to judge it. */
  StatementToRecord statement();

  /** The command that records {@code statement} in the aggregate of its subject's kind. */
  static RecordStatementCommand of(StatementToRecord statement) {
    AggregateKind kind = statement.record().subject().kind();
    switch (kind) {
      case REGISTRY:
        return RecordRegistryStatementCommand.of(statement);
      case INSTRUMENT:
        return RecordInstrumentStatementCommand.of(statement);
      case PACT:
        return RecordPactStatementCommand.of(statement);
      default:
        return RecordCaseStatementCommand.of(statement);
    }
  }
}
