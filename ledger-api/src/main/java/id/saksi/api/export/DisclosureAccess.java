package id.saksi.api.export;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether the requester of an export may receive the personal data it covers (SECURITY.md;
 * docs/personal-data.md). The service declares {@code AuditorExportAccess}; without a bean, {@link
 * #DENY} applies and every request for disclosures is refused.
 */
@FunctionalInterface
public interface DisclosureAccess {
  /** Allows nobody: the default until requesters are authenticated. */
  DisclosureAccess DENY = (request, plan) -> false;

  /**
   * Whether the requester of {@code request} may have the disclosures {@code plan} would export; an
   * implementation that says yes has recorded the access first (docs/export.md).
   *
   * @throws id.saksi.api.problem.ProblemException if the request is refused with a reason of its
   *     own (no purpose given, too many entries), or the access could not be recorded
   */
  boolean allows(HttpServletRequest request, LedgerExporter.Plan plan);
}
