package id.saksi.api.disclosure;

import id.saksi.api.export.DisclosureAccess;
import id.saksi.api.export.LedgerExporter;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.security.Roles;
import id.saksi.core.domain.registry.RecordDisclosureAccessCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Exports with disclosures for auditors: the requester must be signed in with the role AUDITOR and
 * say why ({@code purpose}), and every entry whose personal data the export holds gets its {@code
 * disclosure.accessed} record in the ledger before a byte is written, as a read through {@code GET
 * /disclosures} does.
 */
public final class AuditorExportAccess implements DisclosureAccess {
  /**
   * The most entries with personal data one export may carry: each needs its own access record,
   * appended before the export starts, so the request's cost is bounded here.
   */
  static final int MAX_ENTRIES = 1000;

  private final LedgerExporter exporter;
  private final DisclosureAccessLog accessLog;

  /** Access checked with Spring Security's current authentication, recorded with {@code log}. */
  public AuditorExportAccess(LedgerExporter exporter, DisclosureAccessLog accessLog) {
    this.exporter = exporter;
    this.accessLog = accessLog;
  }

  @Override
  public boolean allows(HttpServletRequest request, LedgerExporter.Plan plan) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || !isAuditor(auth)) {
      return false;
    }
    String purpose = request.getParameter("purpose");
    if (purpose == null || purpose.isBlank()) {
      throw new ProblemException(
          ProblemType.INVALID_ACCESS,
          "say why the personal data is exported: add purpose=... (1 to 500 characters, one line);"
              + " it is recorded in the ledger with your account for every entry exported");
    }
    // The same bounds as a disclosure read: the ledger refuses a longer or multi-line purpose.
    DisclosureController.requireText("purpose", purpose, RecordDisclosureAccessCommand.MAX_PURPOSE);
    Map<Long, List<String>> entries = exporter.disclosedEntries(plan);
    if (entries.size() > MAX_ENTRIES) {
      throw new ProblemException(
          ProblemType.EXPORT_RANGE_INVALID,
          "this export would disclose the personal data of "
              + entries.size()
              + " entries; an export with disclosures holds at most "
              + MAX_ENTRIES
              + ": ask for a narrower range or one case");
    }
    for (Map.Entry<Long, List<String>> e : entries.entrySet()) {
      accessLog.recordAccess(auth.getName(), e.getKey(), e.getValue(), purpose);
    }
    return true;
  }

  private static boolean isAuditor(Authentication auth) {
    for (GrantedAuthority a : auth.getAuthorities()) {
      if (Roles.AUDITOR.authority().equals(a.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
