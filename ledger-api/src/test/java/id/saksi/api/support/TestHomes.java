package id.saksi.api.support;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.core.domain.testing.TestLedger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories for test services whose registrar is the core's test registrar ({@code
 * TestLedger.privateKey("REGISTRAR#1")}, code REGISTRAR, name "Registrar Saksi"), so that the
 * service's genesis registers exactly the registrar of the core's fixtures and the fixtures'
 * registry records can be submitted as they are. The log's key is created by the service.
 */
public final class TestHomes {
  private static Path shared;

  private TestHomes() {}

  /** A new data directory under the build directory (target/), with the registrar's key. */
  public static Path fresh(String prefix) {
    try {
      // Surefire runs the tests in the module's build directory already (ledger-api/pom.xml);
      // the load generator and the crash rounds are run from the repository root.
      Path here = Path.of("").toAbsolutePath();
      Path target =
          here.getFileName() != null && here.getFileName().toString().equals("target")
              ? here
              : here.resolve("target");
      Files.createDirectories(target);
      Path home = Files.createTempDirectory(target, prefix);
      Path keys = home.resolve("keys");
      Files.createDirectories(keys);
      TestLedger.privateKey("REGISTRAR#1")
          .writePemFile(keys.resolve(ServiceKeys.REGISTRAR_KEY_FILE));
      return home;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The data directory of the service shared by the HTTP tests of one test run. */
  public static synchronized Path shared() {
    if (shared == null) {
      shared = fresh("http-ledger-");
    }
    return shared;
  }
}
