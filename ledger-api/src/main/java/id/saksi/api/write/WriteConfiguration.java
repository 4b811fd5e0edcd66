package id.saksi.api.write;

import id.saksi.api.SaksiProperties;
import id.saksi.api.axon.AggregateLoadingConfiguration;
import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.keys.ServiceKeys;
import java.io.IOException;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The write path's beans: keys, sequencer, group commit, checkpoints. */
@Configuration(proxyBeanMethods = false)
public class WriteConfiguration {

  /** The log's and registrar's keys, read or created under the data directory. */
  @Bean
  public ServiceKeys serviceKeys(SaksiProperties properties) throws IOException {
    return ServiceKeys.load(
        properties.log().origin(),
        properties.homeDirectory(),
        properties.keys().log(),
        properties.keys().registrar());
  }

  /** Reads submissions with the configured bounds. */
  @Bean
  public SubmissionParser submissionParser(SaksiProperties properties) {
    return new SubmissionParser(
        properties.api().maxDisclosures(), properties.api().maxBatchItems());
  }

  /** The sequencer: one transaction per call, ordered by the ledger head's row lock. */
  @Bean
  @DependsOnDatabaseInitialization
  public StatementSequencer statementSequencer(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      TransactionManager transactionManager,
      CommandGateway commandGateway,
      @Qualifier(AggregateLoadingConfiguration.CACHE) Cache aggregateCache) {
    return new StatementSequencer(
        dataSource, transactions, transactionManager, commandGateway, aggregateCache);
  }

  /** Group commit of single statements. */
  @Bean(destroyMethod = "close")
  public GroupCommitter groupCommitter(StatementSequencer sequencer, SaksiProperties properties) {
    return new GroupCommitter(
        sequencer::write, properties.write().groupSize(), properties.write().queueCapacity());
  }

  /** Signs and stores checkpoints. */
  @Bean(destroyMethod = "close")
  @DependsOnDatabaseInitialization
  public CheckpointPublisher checkpointPublisher(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      ServiceKeys keys,
      SaksiProperties properties) {
    return new CheckpointPublisher(
        new JdbcTemplate(dataSource),
        new TransactionTemplate(transactionManager),
        keys,
        properties.checkpoint().delay());
  }

  /** The API's entry to the write path. */
  @Bean
  public LedgerService ledgerService(
      StatementSequencer sequencer,
      GroupCommitter committer,
      CheckpointPublisher checkpoints,
      SaksiProperties properties) {
    return new LedgerService(sequencer, committer, checkpoints, properties.write().timeout());
  }

  /** Writes the genesis on first start; checks the ledger is this log's on every start. */
  @Bean
  public LedgerBootstrap ledgerBootstrap(
      StatementSequencer sequencer, ServiceKeys keys, SaksiProperties properties) {
    return new LedgerBootstrap(
        sequencer,
        keys,
        properties.registrar().code(),
        properties.registrar().name(),
        properties.registrar().catalogue(),
        java.time.Clock.systemUTC());
  }
}
