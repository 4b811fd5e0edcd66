package id.saksi.api.export;

import id.saksi.core.export.ExportScope;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether the requester of an export may receive the personal data it covers (SECURITY.md;
 * docs/personal-data.md). Declare a bean of this type to allow anyone; without one, {@link #DENY}
 * applies and every request for disclosures is refused.
 */
@FunctionalInterface
public interface DisclosureAccess {
  /** Allows nobody: the default until requesters are authenticated. */
  DisclosureAccess DENY = (request, scope) -> false;

  /** Whether the requester of {@code request} may have the disclosures of {@code scope}. */
  boolean allows(HttpServletRequest request, ExportScope scope);
}
