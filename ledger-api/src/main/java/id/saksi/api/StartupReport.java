package id.saksi.api;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.db.DatabaseDescription;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.write.LedgerBootstrap;
import id.saksi.api.write.LedgerService;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Readies the ledger before the service reports itself ready (readiness turns to accepting traffic
 * only after this runs): the genesis on first start, the identity check on every start, the log's
 * verifier key in {@code <home>/log.vkey}, a first checkpoint; then opens the write path and says
 * where everything is. It never logs key material, only where keys are.
 */
@Component
// A command run of the jar (such as rotate-log-key) sets saksi.command: nothing starts serving.
@ConditionalOnProperty(name = "saksi.command", havingValue = "serve", matchIfMissing = true)
public class StartupReport implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final SaksiProperties properties;
  private final DatabaseDescription database;
  private final ServiceKeys keys;
  private final LedgerBootstrap bootstrap;
  private final CheckpointPublisher checkpoints;
  private final LedgerService ledger;

  StartupReport(
      SaksiProperties properties,
      DatabaseDescription database,
      ServiceKeys keys,
      LedgerBootstrap bootstrap,
      CheckpointPublisher checkpoints,
      LedgerService ledger) {
    this.properties = properties;
    this.database = database;
    this.keys = keys;
    this.bootstrap = bootstrap;
    this.checkpoints = checkpoints;
    this.ledger = ledger;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    LedgerBootstrap.Outcome outcome = bootstrap.run();
    Path vkey = keys.writeVerifierKey(properties.homeDirectory());
    checkpoints.signIfGrown();
    checkpoints.start(properties.checkpoint().interval());
    ledger.ready();
    log.info("Saksi data directory: {}", properties.homeDirectory());
    log.info("Saksi database: {}", database.text());
    log.info(
        "Saksi log: origin {}, {} ({})",
        keys.origin(),
        outcome == LedgerBootstrap.Outcome.CREATED ? "genesis written now" : "existing ledger",
        keys.logVerifierKey().keyRef());
    log.info("Saksi log verifier key (public): {}", vkey);
    log.info("Saksi log private key: {}", keys.logKeyFile().toAbsolutePath());
    log.info("Saksi registrar private key: {}", keys.registrarKeyFile().toAbsolutePath());
  }
}
