package id.saksi.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.ledger.LedgerEventStorageEngine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service as a user starts it: no configuration at all. (Surefire runs in target/, so its
 * default data directory is target/data.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerApplicationTest {
  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;

  @Test
  void health_isUp() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"UP\"");
  }

  @Test
  void noConfiguration_startsEmbeddedPostgres17UnderDataDirectory() {
    assertThat(context.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
    SaksiProperties properties = context.getBean(SaksiProperties.class);
    assertThat(properties.homeDirectory()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
    assertThat(properties.homeDirectory().resolve("postgres/PG_VERSION"))
        .content()
        .isEqualTo("17\n");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(jdbc.queryForObject("SHOW server_version", String.class)).startsWith("17.");
    assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("saksi");
  }

  @Test
  void embeddedPostgres_isDurable() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    // zonky passes -F (fsync off) and synchronous_commit=off unless told otherwise.
    assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
  }

  @Test
  void axon_usesJdbcStoresInSpringTransactions() {
    assertThat(context.getBean(EventStorageEngine.class))
        .isInstanceOf(LedgerEventStorageEngine.class);
    assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class);
    assertThat(context.getBean(TransactionManager.class))
        .isInstanceOf(SpringTransactionManager.class);
  }

  @Test
  void flyway_createdAxonAndLedgerTables() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(
            jdbc.queryForList(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
                String.class))
        .contains(
            "domainevententry",
            "snapshotevententry",
            "tokenentry",
            "sagaentry",
            "associationvalueentry",
            "deadletterentry",
            "ledger_head",
            "ledger_entry");
  }
}
