package id.saksi.api.read;

import java.time.Clock;
import javax.sql.DataSource;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read side's beans: the ledger reader and the read models. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadProperties.class)
public class ReadConfiguration {

  /** Entries, checkpoints and proofs from the committed ledger. */
  @Bean
  @DependsOnDatabaseInitialization
  public LedgerReader ledgerReader(DataSource dataSource) {
    return new LedgerReader(dataSource);
  }

  /**
   * The read models' processor stops and retries (with Axon's back-off) when a handler fails,
   * instead of Axon's default of logging and skipping the event: a skipped statement would leave a
   * read model silently wrong.
   */
  @Bean
  public ConfigurerModule readModelProcessing() {
    return configurer ->
        configurer
            .eventProcessing()
            .registerListenerInvocationErrorHandler(
                ReadModelProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
  }

  /** Queries over the read models; "today" by the system clock. */
  @Bean
  @DependsOnDatabaseInitialization
  public ReadModels readModels(DataSource dataSource) {
    return new ReadModels(dataSource, Clock.systemUTC());
  }
}
