package id.saksi.api;

import id.saksi.api.security.LogKeyRotationCommand;
import id.saksi.api.security.PasswordHashCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Saksi ledger service. */
@SpringBootApplication
@EnableConfigurationProperties(SaksiProperties.class)
public class LedgerApplication {
  public static void main(String[] args) throws java.io.IOException {
    if (args.length > 0 && args[0].equals(PasswordHashCommand.NAME)) {
      System.exit(PasswordHashCommand.run(args, System.out, System.err));
    }
    if (args.length > 0 && args[0].equals(LogKeyRotationCommand.NAME)) {
      System.exit(LogKeyRotationCommand.run(args, System.out, System.err));
    }
    SpringApplication.run(LedgerApplication.class, args);
  }
}
