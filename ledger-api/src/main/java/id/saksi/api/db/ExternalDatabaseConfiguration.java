package id.saksi.api.db;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With {@code spring.datasource.url} (or {@code SAKSI_DB_URL}) set, Boot's DataSource
 * auto-configuration connects to that PostgreSQL and nothing is started here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ExternalDatabaseConfiguration.ExternalDatabaseCondition.class)
public class ExternalDatabaseConfiguration {

  /** What the startup report says about this database. */
  @Bean
  public DatabaseDescription databaseDescription(Environment environment) {
    String url = environment.getProperty(EmbeddedDatabaseCondition.URL_PROPERTY, "");
    String user = environment.getProperty("spring.datasource.username", "");
    return new DatabaseDescription(
        false,
        "PostgreSQL at "
            + DatabaseDescription.redact(url)
            + (user.isEmpty() ? "" : " as user " + user));
  }

  /** The complement of {@link EmbeddedDatabaseCondition}. */
  static final class ExternalDatabaseCondition implements Condition {
    private final EmbeddedDatabaseCondition embedded = new EmbeddedDatabaseCondition();

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !embedded.matches(context, metadata);
    }
  }
}
