package id.saksi.api;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.Ordered;

/** Test-only: starts the whole service in this JVM, as a second (or third) instance would run. */
public final class TestInstances {
  /**
   * Held while one instance sets up logging. Spring Boot configures the one logging context of the
   * JVM as each application starts; two doing it at the same moment in one JVM trip over each other
   * ("Unable to find Spring Environment in logger context"), which separate processes, as in
   * production, never do. Everything after logging (the database, the genesis, serving) still runs
   * concurrently, which is what the tests of several instances are about.
   */
  private static final ReentrantLock LOGGING_SETUP = new ReentrantLock();

  private TestInstances() {}

  /**
   * Starts the service on a free HTTP port with {@code properties} ("name=value"), passed as
   * command-line arguments so that they override application.properties as an operator's would.
   */
  public static ConfigurableApplicationContext start(String... properties) {
    String[] args = new String[properties.length + 2];
    args[0] = "--server.port=0";
    args[1] = "--spring.main.banner-mode=off";
    for (int i = 0; i < properties.length; i++) {
      args[i + 2] = "--" + properties[i];
    }
    try {
      return new SpringApplicationBuilder(LedgerApplication.class)
          .listeners(new LoggingSetupLock())
          .run(args);
    } finally {
      // Released already unless the start failed before logging was set up.
      while (LOGGING_SETUP.isHeldByCurrentThread()) {
        LOGGING_SETUP.unlock();
      }
    }
  }

  /** The HTTP port a started instance listens on. */
  public static int port(ConfigurableApplicationContext instance) {
    return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
  }

  /** Takes the lock before Spring Boot's logging listener runs, and gives it back after. */
  private static final class LoggingSetupLock implements SmartApplicationListener {
    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> type) {
      return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
          || ApplicationPreparedEvent.class.isAssignableFrom(type)
          || ApplicationFailedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
      if (event instanceof ApplicationEnvironmentPreparedEvent) {
        LOGGING_SETUP.lock();
      } else if (LOGGING_SETUP.isHeldByCurrentThread()) {
        LOGGING_SETUP.unlock();
      }
    }

    @Override
    public int getOrder() {
      // Before LoggingApplicationListener (HIGHEST_PRECEDENCE + 20) on the environment event.
      return Ordered.HIGHEST_PRECEDENCE;
    }
  }
}
