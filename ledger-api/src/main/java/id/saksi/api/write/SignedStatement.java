package id.saksi.api.write;

import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.hash.Hash;
import java.util.List;
import java.util.Objects;

/**
 * A submission checked as far as it can be without the ledger: the envelope, the signatures' form,
 * the record's schema and the disclosures against the body's commitments. Whether the key may sign
 * at the entry's position, and whether the record is a legal step, is decided under the ledger
 * head's lock.
 *
 * @param statement the signed statement
 * @param agency its agency code
 * @param signatures its signatures, the statement's own key first
 * @param disclosures the personal data its body commits, stored apart from the ledger
 * @param record its type, subject and body as the domain read them
 * @param statementHash SHA-256 of the statement's canonical bytes: the same hash is the same
 *     statement
 * @param signaturesVerified whether every signature was already verified with its key (done before
 *     the lock when the keys were known; key validity at the position is checked under it anyway)
 */
public record SignedStatement(
    Statement statement,
    AgencyCode agency,
    List<StatementSignature> signatures,
    List<Disclosure> disclosures,
    ParsedRecord record,
    Hash statementHash,
    boolean signaturesVerified) {

  /** Checks and copies. */
  public SignedStatement {
    Objects.requireNonNull(statement, "statement");
    Objects.requireNonNull(agency, "agency");
    signatures = List.copyOf(signatures);
    disclosures = List.copyOf(disclosures);
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(statementHash, "statementHash");
  }

  /** This statement, with its signatures marked as verified. */
  public SignedStatement verified() {
    return new SignedStatement(
        statement, agency, signatures, disclosures, record, statementHash, true);
  }

  /** The key that makes it unique in the ledger: its agency and nonce. */
  public NonceKey nonceKey() {
    return new NonceKey(statement.agency(), statement.nonce());
  }

  /** An agency's nonce: at most one statement per agency and nonce is ever appended. */
  public record NonceKey(String agency, String nonce) {}
}
