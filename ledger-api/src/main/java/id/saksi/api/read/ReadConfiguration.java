package id.saksi.api.read;

import javax.sql.DataSource;
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
}
