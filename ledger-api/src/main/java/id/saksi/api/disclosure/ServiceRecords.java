package id.saksi.api.disclosure;

import id.saksi.api.keys.ServiceKeys;
import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.write.LedgerService;
import id.saksi.api.write.SignedStatement;
import id.saksi.api.write.SubmissionParser;
import id.saksi.api.write.TransactionStep;
import id.saksi.api.write.WriteResult;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Subject;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.Statements;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service's own records about personal data ({@code disclosure.accessed}, {@code
 * disclosure.erased}), signed with the registrar's key the service holds and appended through the
 * normal write path, so the verifier checks them like any other record.
 */
public final class ServiceRecords {
  private final LedgerService ledger;
  private final ServiceKeys keys;
  private final String registrar;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** Records for {@code ledger}, signed as agency {@code registrar} with the registrar's key. */
  public ServiceRecords(LedgerService ledger, ServiceKeys keys, String registrar, Clock clock) {
    this.ledger = ledger;
    this.keys = keys;
    this.registrar = registrar;
    this.clock = clock;
  }

  /**
   * Appends a record and waits until it is durable.
   *
   * @return the appended entry's result
   * @throws ProblemException if it was not appended: nothing the record covers may happen then
   */
  public WriteResult.Appended append(String type, ObjectNode body) {
    return appended(type, ledger.submit(sign(type, body)));
  }

  /** Appends a record together with {@code step}, in one transaction. */
  public WriteResult.Appended append(String type, ObjectNode body, TransactionStep step) {
    return appended(type, ledger.submitWith(sign(type, body), step));
  }

  private static WriteResult.Appended appended(String type, WriteResult r) {
    if (r instanceof WriteResult.Refused) {
      Problem p = ((WriteResult.Refused) r).problem();
      // The service's own record was refused: a misconfigured registrar key, most likely. Say so
      // as a fault of the service, without returning or changing any personal data.
      throw new ProblemException(
          ProblemType.INTERNAL,
          "the ledger refused the service's "
              + type
              + " record ("
              + p.type().slug()
              + ": "
              + p.detail()
              + "); nothing was returned or changed");
    }
    return (WriteResult.Appended) r;
  }

  private SignedStatement sign(String type, ObjectNode body) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    try {
      Statement statement =
          Statement.create(
              type,
              registrar,
              KeyId.of(keys.registrarKey().publicKey()),
              Subject.REGISTRY.text(),
              clock.instant().truncatedTo(ChronoUnit.SECONDS),
              Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
              body);
      return SubmissionParser.check(
          statement, List.of(Statements.sign(statement, keys.registrarKey())), List.of());
    } catch (EntryFormatException e) {
      throw new IllegalStateException("the service's " + type + " statement is malformed", e);
    }
  }
}
