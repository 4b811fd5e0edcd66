package id.saksi.api;

import id.saksi.api.export.ExportCommand;
import id.saksi.api.security.LogKeyRotationCommand;
import id.saksi.api.security.PasswordHashCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The Saksi ledger service. With a command as first argument the jar runs that command and exits
 * instead of serving: {@code export} (docs/export.md), {@code hash-password} and {@code
 * rotate-log-key} (SECURITY.md).
 */
@SpringBootApplication
@EnableConfigurationProperties(SaksiProperties.class)
public class LedgerApplication {
  public static void main(String[] args) throws java.io.IOException {
    String command = args.length > 0 ? args[0] : "";
    if (command.equals(PasswordHashCommand.NAME)) {
      System.exit(PasswordHashCommand.run(args, System.out, System.err));
    }
    if (command.equals(LogKeyRotationCommand.NAME)) {
      System.exit(LogKeyRotationCommand.run(args, System.out, System.err));
    }
    if (command.equals(ExportCommand.NAME)) {
      System.exit(ExportCommand.run(LedgerApplication.class, args, System.err));
    }
    SpringApplication.run(LedgerApplication.class, args);
  }
}
