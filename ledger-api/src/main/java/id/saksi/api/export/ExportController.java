package id.saksi.api.export;

import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.core.export.ExportScope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /export} (the whole ledger, or {@code ?start=&end=}) and {@code GET
 * /export/cases/{id}} (one case, subject {@code case/{id}}): export bundles as {@code
 * application/zip}, streamed from the database against the latest signed checkpoint
 * (docs/export.md, "Exports from the service"). Errors are decided before the first byte: no
 * checkpoint yet (503), a range outside it (400), a case without entries (404), disclosures asked
 * for by a requester the {@link DisclosureAccess} bean does not allow (403).
 */
@RestController
public class ExportController {
  private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final LedgerExporter exporter;
  private final ObjectProvider<DisclosureAccess> access;

  ExportController(LedgerExporter exporter, ObjectProvider<DisclosureAccess> access) {
    this.exporter = exporter;
    this.access = access;
  }

  /** The whole ledger, or the entries {@code [start, end)}. */
  @GetMapping(path = "/export")
  public ResponseEntity<StreamingResponseBody> ledger(
      @RequestParam(name = "start", required = false) Long start,
      @RequestParam(name = "end", required = false) Long end,
      @RequestParam(name = "includeDisclosures", defaultValue = "false") boolean disclosures,
      HttpServletRequest request) {
    ExportScope scope;
    if (start == null && end == null) {
      scope = ExportScope.ledger();
    } else if (start == null || end == null) {
      throw new ProblemException(
          ProblemType.EXPORT_RANGE_INVALID, "give both start and end (end exclusive), or neither");
    } else if (start < 0 || end <= start) {
      throw new ProblemException(
          ProblemType.EXPORT_RANGE_INVALID,
          "a range needs 0 <= start < end, got start " + start + ", end " + end);
    } else {
      scope = ExportScope.range(start, end);
    }
    return stream(scope, disclosures, request);
  }

  /** Every entry of the case {@code case/{id}}, with the registry entries before its last. */
  @GetMapping(path = "/export/cases/{id}")
  public ResponseEntity<StreamingResponseBody> caseExport(
      @PathVariable("id") String id,
      @RequestParam(name = "includeDisclosures", defaultValue = "false") boolean disclosures,
      HttpServletRequest request) {
    return stream(ExportScope.subject("case/" + id), disclosures, request);
  }

  private ResponseEntity<StreamingResponseBody> stream(
      ExportScope scope, boolean disclosures, HttpServletRequest request) {
    LedgerExporter.Plan plan = exporter.plan(scope, disclosures);
    if (disclosures && !access.getIfAvailable(() -> DisclosureAccess.DENY).allows(request, plan)) {
      throw new ProblemException(
          ProblemType.DISCLOSURES_FORBIDDEN,
          "disclosures need an authorised auditor; see SECURITY.md");
    }
    return ResponseEntity.ok()
        .contentType(ZIP)
        .cacheControl(CacheControl.noStore())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(plan.fileName()).build().toString())
        .body(plan::write);
  }
}
