package id.saksi.api.export;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.TestInstances;
import id.saksi.api.support.TestHomes;
import id.saksi.core.export.ExportScope;
import id.saksi.core.verify.ExportVerifier;
import id.saksi.core.verify.VerificationReport;
import id.saksi.core.verify.VerifyOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Exports from the service over real HTTP, of a ledger appended through its write path, each
 * verified with the core's {@link ExportVerifier} trusting only the log key; and the export command
 * against the same database once the service has stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportHttpTest {
  private static WholeCaseLedger ledger;

  @BeforeAll
  static void start() throws Exception {
    ledger = WholeCaseLedger.start("export-http-");
  }

  @AfterAll
  static void stop() {
    if (ledger != null) {
      ledger.close();
    }
  }

  private static VerificationReport verify(byte[] zip, String name) throws Exception {
    Path file = TestHomes.fresh("export-files-").resolve(name);
    Files.write(file, zip);
    return ExportVerifier.verify(file, VerifyOptions.of(ledger.logKey).withMaxFailures(100));
  }

  @Test
  @Order(1)
  void wholeExport_verifiesAgainstTheLogKey() throws Exception {
    HttpResponse<byte[]> r = ledger.getBytes("/export");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("saksi-export-ledger-");
    VerificationReport report = verify(r.body(), "ledger.zip");
    assertThat(report.failures()).isEmpty();
    assertThat(report.scope()).isEqualTo(ExportScope.ledger());
    assertThat(report.checkpoint().orElseThrow().size())
        .isGreaterThanOrEqualTo(WholeCaseLedger.SIZE);
    assertThat(report.counts().entries()).isEqualTo(report.checkpoint().orElseThrow().size());
    assertThat(report.counts().signatures()).isEqualTo(report.counts().entries());
  }

  @Test
  @Order(2)
  void rangeExport_verifiesWithItsRangeProofAndRegistryProofs() throws Exception {
    HttpResponse<byte[]> r = ledger.getBytes("/export?start=33&end=40");

    assertThat(r.statusCode()).isEqualTo(200);
    VerificationReport report = verify(r.body(), "range.zip");
    assertThat(report.failures()).isEmpty();
    assertThat(report.scope()).isEqualTo(ExportScope.range(33, 40));
    // The 30 registry entries come before 33, each with its inclusion proof, then the range.
    assertThat(report.counts().proofs()).isEqualTo(30);
    assertThat(report.counts().entries()).isEqualTo(37);
  }

  @Test
  @Order(3)
  void caseExport_verifiesWithInclusionProofsOfItsEntriesAndTheRegistry() throws Exception {
    HttpResponse<byte[]> r = ledger.getBytes("/export/cases/" + WholeCaseLedger.CASE);

    assertThat(r.statusCode()).isEqualTo(200);
    VerificationReport report = verify(r.body(), "case.zip");
    assertThat(report.failures()).isEmpty();
    assertThat(report.scope()).isEqualTo(ExportScope.subject("case/" + WholeCaseLedger.CASE));
    assertThat(report.counts().entries()).isEqualTo(44);
    assertThat(report.counts().proofs()).isEqualTo(44);
  }

  @Test
  @Order(4)
  void includeDisclosures_withoutAnAuthorisedAuditor_isRefused() throws Exception {
    HttpResponse<byte[]> r = ledger.getBytes("/export?includeDisclosures=true");

    assertThat(r.statusCode()).isEqualTo(403);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("disclosures need an authorised auditor; see SECURITY.md");
    assertThat(body).contains("disclosures-forbidden");
  }

  @Test
  @Order(4)
  void exporterWithDisclosures_writesThemAndTheyMatchTheirDigests() throws Exception {
    // The HTTP layer refuses disclosures without an authorised auditor; the exporter itself, as
    // an authorised caller would use it, writes them.
    LedgerExporter.Plan plan =
        ledger
            .service
            .getBean(LedgerExporter.class)
            .plan(ExportScope.subject("case/" + WholeCaseLedger.CASE), true);
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    plan.write(zip);

    VerificationReport report = verify(zip.toByteArray(), "case-disclosed.zip");
    assertThat(report.failures()).isEmpty();
    assertThat(report.counts().disclosures()).isPositive();
  }

  @Test
  @Order(5)
  void rangeBeyondTheCheckpoint_isABadRequest() throws Exception {
    HttpResponse<byte[]> r = ledger.getBytes("/export?start=10&end=100000");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .contains("the range ends at 100000 but the latest checkpoint signs");
  }

  @Test
  @Order(6)
  void halfARange_isABadRequest() throws Exception {
    assertThat(ledger.getBytes("/export?start=10").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(7)
  void unknownCase_isNotFound() throws Exception {
    HttpResponse<byte[]> r = ledger.getBytes("/export/cases/NO-SUCH-CASE");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .contains("has no entry of case/NO-SUCH-CASE");
  }

  @Test
  @Order(8)
  void exportCommand_afterTheServiceStopped_writesABundleThatVerifies() throws Exception {
    ledger.close();
    Path out = TestHomes.fresh("export-command-").resolve("case.zip");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        ExportCommand.run(
            id.saksi.api.LedgerApplication.class,
            new String[] {
              "export",
              "--out",
              out.toString(),
              "--case",
              WholeCaseLedger.CASE,
              "--saksi.home=" + ledger.home,
              "--spring.main.banner-mode=off"
            },
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("export: wrote " + out);
    VerificationReport report =
        ExportVerifier.verify(out, VerifyOptions.of(ledger.logKey).withMaxFailures(100));
    assertThat(report.failures()).isEmpty();
    assertThat(report.counts().entries()).isEqualTo(44);
  }

  @Test
  @Order(9)
  void exportCommand_withHalfARange_isAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        ExportCommand.run(
            TestInstances.class,
            new String[] {"export", "--out", "x.zip", "--start", "3"},
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("export: give both --start and --end (end exclusive)");
  }
}
