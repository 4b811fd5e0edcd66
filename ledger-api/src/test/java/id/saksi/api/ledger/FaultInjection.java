package id.saksi.api.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only: makes the ledger write fail, after it has inserted its rows, for the aggregates a test
 * names. Component scanning picks it up in every test context; it does nothing until armed.
 */
@Configuration(proxyBeanMethods = false)
public class FaultInjection {

  /** The aggregates whose ledger writes fail. */
  public static final class Faults {
    private final Set<String> failingAggregates = ConcurrentHashMap.newKeySet();

    /** Every later ledger write that includes an event of {@code aggregateId} fails. */
    public void failLedgerWriteFor(String aggregateId) {
      failingAggregates.add(aggregateId);
    }

    boolean shouldFail(List<? extends EventMessage<?>> events) {
      return events.stream()
          .anyMatch(
              e ->
                  e instanceof DomainEventMessage
                      && failingAggregates.contains(
                          ((DomainEventMessage<?>) e).getAggregateIdentifier()));
    }
  }

  /** Thrown by an armed ledger write. */
  public static final class InjectedFailure extends SQLException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message);
    }
  }

  @Bean
  public Faults faults() {
    return new Faults();
  }

  @Bean
  public static BeanPostProcessor faultInjectingLedgerWriter(
      org.springframework.beans.factory.ObjectProvider<Faults> faults) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof LedgerWriter)) {
          return bean;
        }
        LedgerWriter delegate = (LedgerWriter) bean;
        return new LedgerWriter() {
          @Override
          public List<AppendedEntry> append(
              Connection connection, List<? extends EventMessage<?>> events) throws SQLException {
            List<AppendedEntry> entries = delegate.append(connection, events);
            if (faults.getObject().shouldFail(events)) {
              throw new InjectedFailure(
                  "injected failure after appending entries " + entries.get(0).index() + "..");
            }
            return entries;
          }
        };
      }
    };
  }
}
