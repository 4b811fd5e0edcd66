package id.saksi.api.db;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon's JDBC and transaction auto-configurations after Boot 4's DataSource and
 * transaction-manager auto-configurations. Axon 4.13 names Boot 3's packages in its ordering hints,
 * so under Boot 4 its {@code @ConditionalOnBean(DataSource.class)} could be evaluated before an
 * auto-configured DataSource exists, and Axon would silently fall back to in-memory stores. Auto-
 * configuration order is transitive, so this empty class, placed between them, fixes it.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
    },
    beforeName = {
      "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
      "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
    })
public class AxonJdbcAfterDataSourceAutoConfiguration {}
