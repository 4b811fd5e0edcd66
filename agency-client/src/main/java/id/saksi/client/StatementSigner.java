package id.saksi.client;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.ledger.PersonalData;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and signs a statement as an agency does: commits its personal values (salted digests in
 * the body, disclosures beside it), checks the record against its type's schema and the personal
 * data rules the service applies, then signs the canonical bytes. A record the service would refuse
 * for its shape is never signed.
 */
public final class StatementSigner {
  private final Ed25519PrivateKey key;
  private final String agency;
  private final SecureRandom random;

  /** A signer for {@code agency} with its private {@code key}. */
  public StatementSigner(Ed25519PrivateKey key, String agency, SecureRandom random) {
    this.key = key;
    this.agency = agency;
    this.random = random;
  }

  /** A fresh nonce: 128 random bits as unpadded base64url (22 characters). */
  public String newNonce() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /**
   * Signs one record with a fresh nonce.
   *
   * @param body the record's body; the personal fields may be absent (they are filled in)
   * @param personal the personal values by field path, committed into a copy of the body
   * @param issuedAt when the agency makes the statement, kept to the second
   * @throws ParseException if the record breaks its type's schema or the statement's envelope
   * @throws VerificationException if a personal value fails its check or a committed field has no
   *     value
   */
  public SignedSubmission sign(
      String type,
      String subject,
      ObjectNode body,
      Map<String, String> personal,
      Instant issuedAt,
      String where)
      throws ParseException, VerificationException {
    ObjectNode committed = body.deepCopy();
    List<Disclosure> disclosures = PersonalFields.commit(committed, personal, random, where);
    ParsedRecord record = DomainModel.parse(type, subject, committed);
    PersonalData.check(record, disclosures, true);
    Statement statement =
        Statement.create(
            type,
            agency,
            KeyId.of(key.publicKey()),
            subject,
            issuedAt.truncatedTo(ChronoUnit.SECONDS),
            newNonce(),
            committed);
    StatementSignature signature = Statements.sign(statement, key);
    return SignedSubmission.of(statement, List.of(signature), disclosures);
  }
}
