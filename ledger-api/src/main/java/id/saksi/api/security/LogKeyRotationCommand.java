package id.saksi.api.security;

import id.saksi.api.LedgerApplication;
import id.saksi.api.SaksiProperties;
import id.saksi.api.keys.ServiceKeys;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar ledger-api.jar rotate-log-key [--saksi.home=...] [other settings]}: rotates the
 * log's key with the service's own configuration (database, data directory, key paths), without
 * serving HTTP, and prints what to publish. Exit code 0 when rotated, 1 when refused or failed.
 * Every instance of the ledger must be stopped first.
 */
public final class LogKeyRotationCommand {
  /** The subcommand's name. */
  public static final String NAME = "rotate-log-key";

  /** Set while a command runs instead of the service; the service's start-up then stays idle. */
  public static final String COMMAND_PROPERTY = "saksi.command";

  private LogKeyRotationCommand() {}

  /** Runs the command; {@code args} start with its name. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String[] settings = Arrays.copyOfRange(args, 1, args.length);
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LedgerApplication.class)
            .web(WebApplicationType.NONE)
            .properties(COMMAND_PROPERTY + "=" + NAME, "spring.main.banner-mode=off")
            .run(settings)) {
      ServiceKeys keys = context.getBean(ServiceKeys.class);
      LogKeyRotation.Result r =
          new LogKeyRotation(
                  new JdbcTemplate(context.getBean(DataSource.class)),
                  new TransactionTemplate(context.getBean(PlatformTransactionManager.class)),
                  keys)
              .rotate(context.getBean(SaksiProperties.class).homeDirectory());
      out.println(
          "Rotated the log key of " + keys.origin() + " at tree size " + r.checkpoint().size());
      out.println(
          "  retired key:  "
              + r.oldKey().encode()
              + "  (private key now in "
              + r.retiredKeyFile()
              + ")");
      out.println("  new key:      " + r.newKey().encode() + "  (in " + keys.logKeyFile() + ")");
      out.println(
          "  transition checkpoint, signed by both (publish it with the new log.vkey): "
              + r.noteFile());
      out.println();
      out.print(new String(r.note(), StandardCharsets.UTF_8));
      return 0;
    } catch (Exception e) {
      err.println("rotate-log-key: " + e.getMessage());
      return 1;
    }
  }
}
