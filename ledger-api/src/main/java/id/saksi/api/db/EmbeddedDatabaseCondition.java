package id.saksi.api.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no database URL is configured, so the service runs its own PostgreSQL. */
final class EmbeddedDatabaseCondition implements Condition {
  /** The property that, when set, points the service at an external PostgreSQL. */
  static final String URL_PROPERTY = "spring.datasource.url";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return !StringUtils.hasText(context.getEnvironment().getProperty(URL_PROPERTY));
  }
}
