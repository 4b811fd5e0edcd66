package id.saksi.api.db;

import com.zaxxer.hikari.HikariDataSource;
import id.saksi.api.SaksiProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no database URL configured, runs PostgreSQL inside the service: its cluster lives in {@code
 * <saksi.home>/postgres} and its log in {@code <saksi.home>/postgres.log}. Boot's own DataSource
 * auto-configuration backs off because a DataSource bean exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
public class EmbeddedDatabaseConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  /** The PostgreSQL server; stopped after the pool, because the pool depends on it. */
  @Bean(destroyMethod = "close")
  public EmbeddedPostgres embeddedPostgres(SaksiProperties properties) throws IOException {
    Path home = properties.homeDirectory();
    SaksiProperties.Embedded settings = properties.db().embedded();
    log.info("Starting the embedded PostgreSQL on {}", home.resolve("postgres"));
    return EmbeddedPostgresLauncher.start(
        home.resolve("postgres"),
        home.resolve("postgres.log"),
        settings.port(),
        settings.startupTimeout(),
        settings.database());
  }

  /**
   * The pool over the embedded server. {@code spring.datasource.hikari.*} still applies to it.
   * Closing it (Spring infers {@code close}) happens before the server stops.
   */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  public HikariDataSource dataSource(EmbeddedPostgres postgres, SaksiProperties properties) {
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("saksi-embedded");
    pool.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.db().embedded().database()));
    return pool;
  }

  /** What the startup report says about this database. */
  @Bean
  public DatabaseDescription databaseDescription(
      EmbeddedPostgres postgres, SaksiProperties properties) {
    return new DatabaseDescription(
        true,
        "embedded PostgreSQL, data in "
            + properties.homeDirectory().resolve("postgres")
            + ", database "
            + properties.db().embedded().database()
            + " on localhost:"
            + postgres.getPort());
  }
}
