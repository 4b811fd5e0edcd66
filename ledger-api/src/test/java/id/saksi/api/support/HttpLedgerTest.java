package id.saksi.api.support;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerTables;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that talk to one shared service over real HTTP, on an embedded PostgreSQL in a
 * data directory of its own for the test run. The standard agencies are registered before each test
 * (a replay after the first time). Tests use fresh case and instrument identifiers, so they do not
 * depend on each other's entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpLedgerTest {
  @LocalServerPort protected int port;
  @Autowired protected DataSource dataSource;
  @Autowired protected ServiceKeys keys;

  protected LedgerClient client;
  protected LedgerTables ledger;

  @DynamicPropertySource
  static void sharedHome(DynamicPropertyRegistry registry) {
    registry.add("saksi.home", () -> TestHomes.shared().toString());
    registry.add("saksi.checkpoint.delay", () -> "50ms");
  }

  private static final java.util.Set<Integer> REGISTERED =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @BeforeEach
  void connect() {
    client = new LedgerClient(port);
    ledger = new LedgerTables(dataSource);
    if (REGISTERED.add(port)) {
      StandardAgencies.register(client);
    }
  }
}
