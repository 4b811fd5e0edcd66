package id.saksi.api.export;

import id.saksi.api.problem.ProblemException;
import id.saksi.core.export.ExportScope;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar ledger-api.jar export --out FILE.zip [--start N --end M | --case ID]
 * [--saksi.home=... and other service properties]}: writes an export bundle of the configured
 * database (docs/export.md, "Exports from the service") without starting the web server, then
 * exits. Disclosures are never included: they are for an authorised auditor, through the service.
 *
 * <p>Exit codes: 0 the bundle was written; 1 it could not be made (no checkpoint signed yet, a
 * range beyond the latest checkpoint, a case without entries, the database unreadable); 2 the
 * command line was wrong. The file appears only complete: the bundle is written beside it and moved
 * into place.
 */
public final class ExportCommand {
  /** The command's name, the jar's first argument. */
  public static final String NAME = "export";

  /** The bundle was written. */
  public static final int EXIT_WRITTEN = 0;

  /** The bundle could not be made. */
  public static final int EXIT_FAILED = 1;

  /** The command line was wrong. */
  public static final int EXIT_USAGE = 2;

  private ExportCommand() {}

  /**
   * Runs {@code export} with {@code args} (the word "export" first); options it does not know are
   * passed to the service's configuration.
   */
  public static int run(Class<?> application, String[] args, PrintStream err) {
    Path out = null;
    Long start = null;
    Long end = null;
    String caseId = null;
    List<String> rest = new ArrayList<>();
    try {
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--out":
            out = Path.of(value(args, ++i, a));
            break;
          case "--start":
            start = number(value(args, ++i, a), a);
            break;
          case "--end":
            end = number(value(args, ++i, a), a);
            break;
          case "--case":
            caseId = value(args, ++i, a);
            break;
          default:
            rest.add(a);
            break;
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out FILE.zip is required");
      }
      if ((start == null) != (end == null)) {
        throw new IllegalArgumentException("give both --start and --end (end exclusive)");
      }
      if (start != null && caseId != null) {
        throw new IllegalArgumentException("give a range or a case, not both");
      }
    } catch (IllegalArgumentException e) {
      err.println("export: " + e.getMessage());
      err.println(
          "usage: java -jar ledger-api.jar export --out FILE.zip [--start N --end M | --case ID]");
      return EXIT_USAGE;
    }
    ExportScope scope;
    try {
      scope =
          caseId != null
              ? ExportScope.subject(caseId.startsWith("case/") ? caseId : "case/" + caseId)
              : start != null ? ExportScope.range(start, end) : ExportScope.ledger();
    } catch (IllegalArgumentException e) {
      err.println("export: " + e.getMessage());
      return EXIT_USAGE;
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            // A command run: the service's start-up report (which says it is serving) stays quiet.
            .properties("saksi.command=" + NAME, "spring.main.banner-mode=off")
            .run(rest.toArray(new String[0]))) {
      LedgerExporter.Plan plan =
          context.getBean(LedgerExporter.class).plan(scope, /* disclosures= */ false);
      Path absolute = out.toAbsolutePath();
      Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
      try (OutputStream o = Files.newOutputStream(partial)) {
        plan.write(o);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      err.println(
          "export: wrote "
              + absolute
              + " ("
              + scope.describe()
              + ", checkpoint tree size "
              + plan.treeSize()
              + ")");
      return EXIT_WRITTEN;
    } catch (ProblemException e) {
      err.println("export: " + e.problem().detail());
      return EXIT_FAILED;
    } catch (IOException | RuntimeException e) {
      err.println("export: failed: " + e.getMessage());
      return EXIT_FAILED;
    }
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static long number(String text, String name) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, got " + text);
    }
  }
}
