package id.saksi.api;

import id.saksi.api.export.ExportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Saksi ledger service. */
@SpringBootApplication
@EnableConfigurationProperties(SaksiProperties.class)
public class LedgerApplication {
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("export")) {
      // A one-off run that writes an export bundle and exits (docs/export.md).
      System.exit(ExportCommand.run(LedgerApplication.class, args, System.err));
    }
    SpringApplication.run(LedgerApplication.class, args);
  }
}
