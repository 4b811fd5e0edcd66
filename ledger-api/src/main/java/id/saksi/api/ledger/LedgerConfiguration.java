package id.saksi.api.ledger;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's event store on PostgreSQL with the ledger hook: the beans Axon's JDBC auto-configuration
 * would make, except the storage engine, which is {@link LedgerEventStorageEngine}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

  /** PostgreSQL's SQLSTATE for a unique-key violation. */
  static final String UNIQUE_VIOLATION = "23505";

  /**
   * Axon's default resolver does not recognise PostgreSQL's duplicate key; without this, two
   * writers on one aggregate get an EventStoreException instead of a ConcurrencyException.
   */
  @Bean
  public PersistenceExceptionResolver persistenceExceptionResolver() {
    return new SQLStateResolver(UNIQUE_VIOLATION);
  }

  /** Axon backs its EventSchema off when an engine is defined; the default tables are ours. */
  @Bean
  public EventSchema eventSchema() {
    return new EventSchema();
  }

  /**
   * Axon's units of work run in Spring transactions on the DataSource, so the events, the ledger
   * entries and any read model written in a unit of work commit together. Defined here rather than
   * left to Axon's auto-configuration, which under Boot 4 may not see the
   * PlatformTransactionManager and would then fall back to no transactions at all.
   */
  @Bean
  public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
    return new SpringTransactionManager(transactionManager);
  }

  /** Entries, Merkle nodes and the head in PostgreSQL, in the events' transaction. */
  @Bean
  @DependsOnDatabaseInitialization
  public LedgerWriter ledgerWriter() {
    return new PostgresLedgerWriter();
  }

  /**
   * Axon's JDBC engine, configured as Axon's auto-configuration would, plus the ledger write. It
   * waits for Flyway, so nothing reads or appends events before the schema exists; Axon's event
   * processors start later still, when the context starts its lifecycle beans.
   */
  @Bean
  @DependsOnDatabaseInitialization
  public EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      EventSchema eventSchema,
      LedgerWriter ledgerWriter) {
    JdbcEventStorageEngine.Builder builder =
        JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(configuration.upcasterChain())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .eventSerializer(eventSerializer)
            .snapshotFilter(configuration.snapshotFilter())
            .connectionProvider(connectionProvider)
            .schema(eventSchema);
    return new LedgerEventStorageEngine(builder, transactionManager, ledgerWriter);
  }
}
