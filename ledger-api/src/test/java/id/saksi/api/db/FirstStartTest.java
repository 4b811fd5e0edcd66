package id.saksi.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.TestInstances;
import id.saksi.api.ledger.LedgerTables;
import id.saksi.api.support.TestHomes;
import id.saksi.core.domain.catalogue.Catalogues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * The first start's genesis is all or nothing: a refused catalogue adoption leaves an empty ledger
 * and no recorded identity, and the next, well-configured start writes the genesis. A configured
 * key file that does not exist stops the start with a message that names it.
 */
class FirstStartTest {

  @Test
  void refusedGenesis_leavesTheLedgerEmptyAndTheNextStartWritesIt() throws Exception {
    Path home = TestHomes.fresh("first-start-");
    ObjectNode future = (ObjectNode) Catalogues.bundledJson(1).deepCopy();
    future.put("publishedOn", "2199-01-01");
    Path catalogue = home.resolve("future-catalogue.json");
    Files.writeString(catalogue, future.toString(), StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                TestInstances.start(
                    "saksi.home=" + home,
                    "saksi.registrar.catalogue=" + catalogue,
                    "logging.level.root=OFF"))
        .hasStackTraceContaining("a genesis statement was refused: catalogue.publishedOn is")
        .hasStackTraceContaining("after the statement was issued");

    try (ConfigurableApplicationContext service =
        TestInstances.start("saksi.home=" + home, "logging.level.root=WARN")) {
      DataSource db = service.getBean(DataSource.class);
      LedgerTables ledger = new LedgerTables(db);
      assertThat(ledger.size()).isEqualTo(2);
      assertThat(ledger.entry(0).statement().type()).isEqualTo("registry.genesis");
      assertThat(
              new JdbcTemplate(db).queryForObject("SELECT count(*) FROM ledger_meta", Long.class))
          .isEqualTo(1);
      ledger.assertConsistent();
      // V8: the append-only tables are autovacuumed in fixed steps, not in steps of their size.
      assertThat(
              new JdbcTemplate(db)
                  .queryForList(
                      "SELECT relname || ' ' || array_to_string(reloptions, ',') FROM pg_class"
                          + " WHERE relname IN ('ledger_entry', 'domainevententry', 'merkle_node')"
                          + " ORDER BY relname",
                      String.class))
          .containsExactly(
              "domainevententry autovacuum_vacuum_insert_scale_factor=0,"
                  + "autovacuum_vacuum_insert_threshold=100000,autovacuum_analyze_scale_factor=0,"
                  + "autovacuum_analyze_threshold=100000",
              "ledger_entry autovacuum_vacuum_insert_scale_factor=0,"
                  + "autovacuum_vacuum_insert_threshold=100000,autovacuum_analyze_scale_factor=0,"
                  + "autovacuum_analyze_threshold=100000",
              "merkle_node autovacuum_vacuum_insert_scale_factor=0,"
                  + "autovacuum_vacuum_insert_threshold=200000,autovacuum_analyze_scale_factor=0,"
                  + "autovacuum_analyze_threshold=200000");
    }
  }

  @Test
  void configuredKeyFileMissing_stopsTheStartNamingIt() {
    Path home = TestHomes.fresh("missing-key-");
    Path missing = home.resolve("no-such-key.pem");
    assertThatThrownBy(
            () ->
                TestInstances.start(
                    "saksi.home=" + home, "saksi.keys.log=" + missing, "logging.level.root=OFF"))
        .hasStackTraceContaining(
            "saksi.keys.log is "
                + missing
                + ", which is not a file; give the path of a PKCS#8 PEM key");
  }
}
