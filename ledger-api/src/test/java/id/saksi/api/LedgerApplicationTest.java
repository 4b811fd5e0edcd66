package id.saksi.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.ledger.LedgerEventStorageEngine;
import id.saksi.api.testdomain.CounterProjection;
import id.saksi.api.testdomain.CreateCounterCommand;
import id.saksi.api.testdomain.IncrementCounterCommand;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
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
  void eventStore_waitsForFlyway() {
    assertThat(
            ((org.springframework.context.ConfigurableApplicationContext) context)
                .getBeanFactory()
                .getDependenciesForBean("eventStorageEngine"))
        .contains("flywayInitializer");
  }

  @Test
  void eventProcessor_tracksTheStoreWithItsTokenInPostgres() throws Exception {
    String id = UUID.randomUUID().toString();
    context.getBean(CommandGateway.class).sendAndWait(new CreateCounterCommand(id));
    context.getBean(CommandGateway.class).sendAndWait(new IncrementCounterCommand(id, 2));
    CounterProjection projection = context.getBean(CounterProjection.class);
    // Bounded wait for the asynchronous processor; no timing is asserted.
    for (int i = 0; i < 200 && !Long.valueOf(2).equals(projection.value(id)); i++) {
      Thread.sleep(50);
    }
    assertThat(projection.value(id)).isEqualTo(2);
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT count(*) FROM tokenentry WHERE processorname = ?",
                    Long.class,
                    CounterProjection.PROCESSING_GROUP))
        .isPositive();
  }

  @Test
  void serializer_readsBackAxonsReplayToken() {
    Serializer serializer = context.getBean("serializer", Serializer.class);
    TrackingToken token =
        ReplayToken.createReplayToken(
            GapAwareTrackingToken.newInstance(10, List.of(3L, 5L)),
            GapAwareTrackingToken.newInstance(2, List.of()),
            "reset by an operator");

    SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
    Object read = serializer.deserialize(stored);

    assertThat(read).isEqualTo(token);
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
