package id.saksi.api.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test-only: makes the ledger write fail, after it has inserted its rows, for the subjects a test
 * names: with a database error, or with the ConcurrencyException a stale aggregate causes.
 * Component scanning picks it up in every test context; it does nothing until armed.
 */
@Configuration(proxyBeanMethods = false)
public class FaultInjection {

  /** How a write fails. */
  public enum Kind {
    DATABASE,
    CONFLICT
  }

  /** The subjects whose ledger writes fail, and how many more times. */
  public static final class Faults {
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Map<String, Integer> remaining = new ConcurrentHashMap<>();

    /** The next {@code times} ledger writes that include an entry of {@code subject} fail. */
    public void fail(String subject, Kind kind, int times) {
      kinds.put(subject, kind);
      remaining.put(subject, times);
    }

    Kind take(List<? extends EventMessage<?>> events) {
      for (EventMessage<?> e : events) {
        if (e.getPayload() instanceof LedgerRecord) {
          String subject = ((LedgerRecord) e.getPayload()).subject();
          Integer left = remaining.computeIfPresent(subject, (k, n) -> n - 1);
          if (left != null && left >= 0) {
            return kinds.get(subject);
          }
        }
      }
      return null;
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
  public static BeanPostProcessor faultInjectingLedgerWriter(ObjectProvider<Faults> faults) {
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
            Kind kind = faults.getObject().take(events);
            if (kind == Kind.DATABASE) {
              throw new InjectedFailure(
                  "injected failure after appending entries " + entries.get(0).index() + "..");
            }
            if (kind == Kind.CONFLICT) {
              throw new ConcurrencyException("injected: an aggregate was stale");
            }
            return entries;
          }
        };
      }
    };
  }
}
