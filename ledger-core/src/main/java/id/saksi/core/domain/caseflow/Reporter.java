package id.saksi.core.domain.caseflow;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.RecordParseException;
import java.util.Optional;

/**
 * Who reported (UU 7/2017 Pasal 454: a report names its reporter [S10]), as salted digests only:
 * reporter identity is restricted information (UU 14/2008 [S56]).
 *
 * <p>Body: {@code {"name", "contact", "nik"?}}.
 */
public record Reporter(Digest name, Digest contact, Optional<Digest> nik) {
  static Reporter read(JsonFields r) throws RecordParseException {
    Reporter p =
        new Reporter(r.commitment("name"), r.commitment("contact"), r.optionalCommitment("nik"));
    r.end();
    return p;
  }
}
