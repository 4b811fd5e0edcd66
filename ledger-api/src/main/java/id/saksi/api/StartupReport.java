package id.saksi.api;

import id.saksi.api.db.DatabaseDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says, once the service is ready, where its data lives and which database it uses. */
@Component
public class StartupReport {
  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final SaksiProperties properties;
  private final DatabaseDescription database;

  StartupReport(SaksiProperties properties, DatabaseDescription database) {
    this.properties = properties;
    this.database = database;
  }

  /** Logs the report; it never contains a password. */
  @EventListener(ApplicationReadyEvent.class)
  public void report() {
    log.info("Saksi data directory: {}", properties.homeDirectory());
    log.info("Saksi database: {}", database.text());
  }
}
