package id.saksi.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.testing.TestLedger;
import java.util.List;

/**
 * Registers the core's standard test agencies and their keys ({@code TestLedger.standard()}) in a
 * running service whose registrar key is {@code TestLedger.privateKey("REGISTRAR#1")}. Each
 * statement is deterministic (fixed time, nonce derived from its content), so registering again,
 * from another test class on the same service, replays the same entries instead of failing.
 */
public final class StandardAgencies {
  private StandardAgencies() {}

  /** The registry records of the standard test ledger after its genesis and catalogue. */
  public static List<Submission> records() {
    List<Submission> all = TestLedger.standard().history();
    return all.subList(2, all.size());
  }

  /** Registers them all; each answer is 201, or 200 if already registered. */
  public static void register(LedgerClient client) {
    for (Submission s : records()) {
      Submissions.Signed signed =
          Submissions.sign(
              s.agency().value(),
              s.type(),
              s.subject(),
              s.body(),
              s.issuedAt(),
              Submissions.nonceFor("standard " + s.type() + " " + s.body()),
              Submissions.keyOf(s.agency().value()));
      LedgerClient.Response r = client.post(signed);
      assertThat(r.status()).as("%s %s: %s", s.type(), s.body(), r.body()).isIn(200, 201);
    }
  }
}
