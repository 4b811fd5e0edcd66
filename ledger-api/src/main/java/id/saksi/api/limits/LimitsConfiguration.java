package id.saksi.api.limits;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits of docs/protocol.md's "Limits" section: the per-client budgets in front of everything,
 * and the bound on slow request headers in the connector.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsConfiguration {
  /** The per-client budgets. */
  @Bean
  public ClientLimiter clientLimiter(LimitsProperties limits) {
    return new ClientLimiter(limits);
  }

  /** Who a client is. */
  @Bean
  public ClientAddresses clientAddresses(LimitsProperties limits) {
    return new ClientAddresses(limits.trustedProxies(), limits.clientHeader());
  }

  /** The connector with the header deadline; the valve with the budgets (applied when enabled). */
  @Bean
  @ConditionalOnWebApplication
  public WebServerFactoryCustomizer<TomcatServletWebServerFactory> limitsCustomizer(
      LimitsProperties limits, ClientLimiter limiter, ClientAddresses addresses) {
    return factory -> {
      factory.setProtocol(SlowClientProtocol.class.getName());
      TomcatProtocolHandlerCustomizer<?> deadline =
          handler -> {
            if (handler instanceof SlowClientProtocol) {
              ((SlowClientProtocol) handler)
                  .setHeaderTimeoutMillis(limits.headerTimeout().toMillis());
            }
          };
      factory.addProtocolHandlerCustomizers(deadline);
      factory.addContextValves(new ClientLimitValve(limiter, addresses, limits.enabled()));
    };
  }
}
