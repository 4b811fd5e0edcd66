package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.api.support.LedgerClient;
import id.saksi.api.support.Submissions;
import id.saksi.core.receipt.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Eight agencies submitting at once over HTTP: every statement gets its own index, the indexes are
 * dense, each receipt matches its stored entry, and the chain and tree hold (invariants 2 and 3).
 */
class ConcurrentAgenciesTest extends HttpLedgerTest {
  static final List<String> AGENCIES =
      List.of(
          "BAWASLU",
          "BKN",
          "KASN",
          "KEMENPANRB",
          "KEMENDAGRI",
          "PEMPROV-LAMPUNG",
          "PEMKOT-METRO",
          "KEMENKEU");

  @Test
  void eightAgenciesAtOnce_denseIndexesAndMatchingReceipts() throws Exception {
    int each = 25;
    long before = ledger.size();
    ExecutorService pool = Executors.newFixedThreadPool(AGENCIES.size());
    List<Future<List<LedgerClient.Response>>> futures = new ArrayList<>();
    try {
      for (String agency : AGENCIES) {
        futures.add(
            pool.submit(
                () -> {
                  List<LedgerClient.Response> out = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    out.add(
                        client.post(
                            Submissions.sign(
                                agency,
                                "instrument.issued",
                                Bodies.freshInstrument(),
                                Bodies.circular("800/" + (i + 1) + "/" + agency + "/2023"))));
                  }
                  return out;
                }));
      }
      TreeSet<Long> indexes = new TreeSet<>();
      for (Future<List<LedgerClient.Response>> f : futures) {
        for (LedgerClient.Response r : f.get()) {
          assertThat(r.status()).as(r.body()).isEqualTo(201);
          Receipt receipt = r.receipt(keys.logVerifierKey(), keys.origin());
          receipt.requireMatches(ledger.entry(receipt.index()));
          indexes.add(receipt.index());
        }
      }
      assertThat(indexes).hasSize(AGENCIES.size() * each);
      // Other tests may share the service, but nothing else writes during this one.
      assertThat(indexes.first()).isEqualTo(before);
      assertThat(indexes.last()).isEqualTo(before + AGENCIES.size() * each - 1);
    } finally {
      pool.shutdownNow();
    }
    ledger.assertConsistent();
  }
}
