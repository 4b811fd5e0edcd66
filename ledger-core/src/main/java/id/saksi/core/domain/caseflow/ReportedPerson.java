package id.saksi.core.domain.caseflow;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.validation.AgencyCode;
import java.util.Optional;

/**
 * The civil servant a case is about: a pseudonymous reference, the unit they work in (which
 * determines their PPK), and salted digests of their name, NIP and position.
 *
 * <p>Body: {@code {"ref", "unit", "name", "nip", "position"?}}.
 */
public record ReportedPerson(
    PersonRef ref, AgencyCode unit, Digest name, Digest nip, Optional<Digest> position) {

  static ReportedPerson read(JsonFields r) throws RecordParseException {
    ReportedPerson p =
        new ReportedPerson(
            r.personRef("ref"),
            r.agency("unit"),
            r.commitment("name"),
            r.commitment("nip"),
            r.optionalCommitment("position"));
    r.end();
    return p;
  }
}
