package id.saksi.api.disclosure;

import id.saksi.api.SaksiProperties;
import id.saksi.api.export.LedgerExporter;
import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.write.LedgerService;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The restricted store of personal data and the service's records about it. */
@Configuration(proxyBeanMethods = false)
public class DisclosureConfiguration {

  /** The store over the service's database. */
  @Bean
  public DisclosureStore disclosureStore(DataSource dataSource) {
    return new DisclosureStore(new JdbcTemplate(dataSource));
  }

  /** Every read of disclosures, recorded in the ledger first. */
  @Bean
  public DisclosureAccessLog disclosureAccessLog(ServiceRecords records) {
    return new DisclosureAccessLog(records);
  }

  /** Exports with disclosures: auditors only, each disclosed entry's access recorded first. */
  @Bean
  public AuditorExportAccess auditorExportAccess(
      LedgerExporter exporter, DisclosureAccessLog accessLog) {
    return new AuditorExportAccess(exporter, accessLog);
  }

  /** Records signed as the registrar the genesis registered. */
  @Bean
  public ServiceRecords serviceRecords(
      LedgerService ledger, ServiceKeys keys, SaksiProperties properties) {
    return new ServiceRecords(ledger, keys, properties.registrar().code(), Clock.systemUTC());
  }
}
