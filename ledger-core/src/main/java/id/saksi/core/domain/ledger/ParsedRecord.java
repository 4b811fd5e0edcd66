package id.saksi.core.domain.ledger;

import id.saksi.core.disclosure.Digest;
import id.saksi.core.domain.Subject;
import java.util.Map;

/**
 * A statement's type, subject and body, read and checked against the type's schema; the command is
 * the record type's command record (a {@code RegistryCommand}, {@code InstrumentCommand}, {@code
 * SignPactCommand} or {@code CaseCommand}).
 *
 * @param type the record type
 * @param subject the aggregate it is about
 * @param command the body as a typed command
 * @param commitments the salted digests of personal data in the body, by field path
 */
public record ParsedRecord(
    RecordType type, Subject subject, Object command, Map<String, Digest> commitments) {
  public ParsedRecord {
    commitments = Map.copyOf(commitments);
  }
}
