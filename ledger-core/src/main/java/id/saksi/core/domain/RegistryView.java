package id.saksi.core.domain;

import id.saksi.core.domain.validation.AgencyCode;
import java.util.Optional;

/** What rules may ask the registry of agencies: who an agency is, and who it belongs to. */
public interface RegistryView {
  /** The agency with this code, if registered (dissolved agencies included). */
  Optional<AgencyInfo> agency(AgencyCode code);

  /**
   * Whether {@code descendant} is {@code ancestor} or one of its units, at any depth, following
   * parents.
   */
  default boolean isSelfOrUnitOf(AgencyCode descendant, AgencyCode ancestor) {
    AgencyCode current = descendant;
    for (int depth = 0; depth < 64; depth++) {
      if (current.equals(ancestor)) {
        return true;
      }
      Optional<AgencyInfo> info = agency(current);
      if (info.isEmpty() || info.get().parent().isEmpty()) {
        return false;
      }
      current = info.get().parent().get();
    }
    return false;
  }

  /**
   * The agency whose PPK disciplines the civil servants of {@code unit}: the nearest agency,
   * starting with {@code unit} itself and following parents, that is registered with {@code
   * ppk=true}.
   */
  default Optional<AgencyInfo> ppkOf(AgencyCode unit) {
    AgencyCode current = unit;
    for (int depth = 0; depth < 64; depth++) {
      Optional<AgencyInfo> info = agency(current);
      if (info.isEmpty()) {
        return Optional.empty();
      }
      if (info.get().ppk()) {
        return info;
      }
      if (info.get().parent().isEmpty()) {
        return Optional.empty();
      }
      current = info.get().parent().get();
    }
    return Optional.empty();
  }
}
