package id.saksi.api;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.ledger.LedgerEventStorageEngine;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.Agencies;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.core.domain.testing.J;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteVerifierKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.sql.DataSource;
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
  void healthAndReadiness_areUp() {
    LedgerClient client = new LedgerClient(port);
    for (String path :
        List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
      LedgerClient.Response r = client.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).contains("\"UP\"");
    }
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
  void firstStart_createsOwnerOnlyKeysGenesisAndVerifierKey() throws Exception {
    Path home = context.getBean(SaksiProperties.class).homeDirectory();
    ServiceKeys keys = context.getBean(ServiceKeys.class);
    for (String file : List.of(ServiceKeys.LOG_KEY_FILE, ServiceKeys.REGISTRAR_KEY_FILE)) {
      Path key = home.resolve("keys").resolve(file);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .as(file)
          .isEqualTo("rw-------");
      assertThat(Files.readString(key, StandardCharsets.US_ASCII))
          .startsWith("-----BEGIN PRIVATE KEY-----");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("keys"))))
        .isEqualTo("rwx------");
    String vkey = Files.readString(home.resolve("log.vkey"), StandardCharsets.UTF_8);
    assertThat(vkey).isEqualTo(keys.logVerifierKey().encode() + "\n");
    assertThat(NoteVerifierKey.parse(vkey.strip()).name()).isEqualTo("localhost/saksi");

    LedgerTables ledger = new LedgerTables(dataSource);
    Entry genesis = ledger.entry(0);
    assertThat(genesis.statement().type()).isEqualTo("registry.genesis");
    assertThat(genesis.statement().agency()).isEqualTo("REGISTRAR");
    assertThat(genesis.statement().body().get("publicKey").asString())
        .isEqualTo(keys.registrarKey().publicKey().base64());
    assertThat(ledger.entry(1).statement().type()).isEqualTo("catalogue.adopted");
    ledger.assertConsistent();
  }

  @Test
  void checkpoint_isServedAsASignedNoteOfTheCommittedTree() throws Exception {
    ServiceKeys keys = context.getBean(ServiceKeys.class);
    LedgerClient.Response r = new LedgerClient(port).get("/checkpoint");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain;charset=UTF-8");
    Checkpoint c =
        Checkpoints.open(
            r.body().getBytes(StandardCharsets.UTF_8), keys.logVerifierKey(), keys.origin());
    LedgerTables ledger = new LedgerTables(dataSource);
    assertThat(c.size()).isBetween(2L, ledger.size());
    assertThat(c.rootHash()).isEqualTo(ledger.recomputedRoot(c.size()));
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
  void eventProcessor_readsStoredStatementsWithItsTokenInPostgres() throws Exception {
    // The data directory may hold a ledger from an earlier run, whose events the processor has
    // already seen: append one now, signed with this service's own registrar key.
    ServiceKeys keys = context.getBean(ServiceKeys.class);
    String code = Agencies.freshCode();
    LedgerClient.Response r =
        new LedgerClient(port)
            .post(
                Submissions.sign(
                    "REGISTRAR",
                    "agency.registered",
                    "registry",
                    J.o(
                        "code",
                        code,
                        "name",
                        "Agency " + code,
                        "kind",
                        "CENTRAL_AGENCY",
                        "ppk",
                        true),
                    TestLedger.LATE,
                    Submissions.randomNonce(),
                    keys.registrarKey()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    RecordedStatements projection = context.getBean(RecordedStatements.class);
    // Bounded wait for the asynchronous processor; no timing is asserted.
    for (int i = 0;
        i < 200
            && (projection.lastIndex("registry") == null
                || projection.lastIndex("registry") < r.index());
        i++) {
      Thread.sleep(50);
    }
    assertThat(projection.lastIndex("registry")).isEqualTo(r.index());
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT count(*) FROM tokenentry WHERE processorname = ?",
                    Long.class,
                    RecordedStatements.PROCESSING_GROUP))
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
            "ledger_entry",
            "merkle_node",
            "ledger_meta",
            "checkpoint",
            "personal_disclosure");
  }
}
