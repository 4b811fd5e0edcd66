package id.saksi.api;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Test-only: starts the whole service in this JVM, as a second (or third) instance would run. */
public final class TestInstances {
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
    return new SpringApplicationBuilder(LedgerApplication.class).run(args);
  }

  /** The HTTP port a started instance listens on. */
  public static int port(ConfigurableApplicationContext instance) {
    return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
  }
}
