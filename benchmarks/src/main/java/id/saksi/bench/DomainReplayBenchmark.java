package id.saksi.bench;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.Nip;
import id.saksi.core.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays a ledger of whole cases through the domain (parse, decide, evolve, commit), as the
 * verifier does: records per second. The ledger: genesis, catalogue v1, the agencies of a Pilkada
 * case, then {@value #CASES} cases of 14 records each (report to closure on the discipline track),
 * interleaved in rounds as agencies would append them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DomainReplayBenchmark {
  static final int CASES = 2_000;
  static final int RECORDS_PER_CASE = 14;
  static final int SETUP_RECORDS = 2 + 2 * 9;
  static final int TOTAL = SETUP_RECORDS + CASES * RECORDS_PER_CASE;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");

  private List<Submission> ledger;

  @Setup(Level.Trial)
  public void build() throws Exception {
    ledger = new Builder().build();
    // Fail fast if the generated ledger is not legal.
    replayAll(ledger);
  }

  @Benchmark
  @OperationsPerInvocation(TOTAL)
  public LedgerState replay() throws Exception {
    return replayAll(ledger);
  }

  static LedgerState replayAll(List<Submission> ledger) throws RecordParseException {
    LedgerState s = new LedgerState();
    for (Submission sub : ledger) {
      Outcome o = s.apply(sub);
      if (!o.accepted()) {
        throw new IllegalStateException(o.rejection().orElseThrow().toString());
      }
    }
    return s;
  }

  /** Builds the ledger's submissions. */
  static final class Builder {
    final List<Submission> out = new ArrayList<>();

    void add(String agency, String type, String subject, JsonNode body) {
      AgencyCode code = AgencyCode.of(agency);
      out.add(
          new Submission(
              Position.of(out.size()), type, code, KeyId.of(key(agency)), subject, ISSUED, body));
    }

    static Ed25519PublicKey key(String agency) {
      return Ed25519PrivateKey.fromSeed(
              Hashing.sha256(("bench:" + agency).getBytes(StandardCharsets.UTF_8)).bytes())
          .publicKey();
    }

    static ObjectNode o(Object... kv) {
      ObjectNode n = F.objectNode();
      for (int i = 0; i < kv.length; i += 2) {
        Object v = kv[i + 1];
        if (v instanceof JsonNode) {
          n.set((String) kv[i], (JsonNode) v);
        } else if (v instanceof Boolean) {
          n.put((String) kv[i], (Boolean) v);
        } else if (v instanceof Long) {
          n.put((String) kv[i], (Long) v);
        } else if (v instanceof Integer) {
          n.put((String) kv[i], (Integer) v);
        } else {
          n.put((String) kv[i], v.toString());
        }
      }
      return n;
    }

    static String digest(String seed) {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Hashing.sha256(seed.getBytes(StandardCharsets.UTF_8)).bytes());
    }

    static String doc(String seed) {
      return Hashing.sha256(seed.getBytes(StandardCharsets.UTF_8)).hex();
    }

    void agency(String code, String kind, String parent, boolean ppk) {
      ObjectNode b = o("code", code, "name", code, "kind", kind, "ppk", ppk);
      if (parent != null) {
        b.put("parent", parent);
      }
      add("REGISTRAR", "agency.registered", "registry", b);
      add("REGISTRAR", "key.added", "registry", o("agency", code, "publicKey", key(code).base64()));
    }

    List<Submission> build() throws Exception {
      add(
          "REGISTRAR",
          "registry.genesis",
          "registry",
          o("code", "REGISTRAR", "name", "Registrar", "publicKey", key("REGISTRAR").base64()));
      add("REGISTRAR", "catalogue.adopted", "registry", o("catalogue", Catalogues.bundledJson(1)));
      agency("BAWASLU", "BAWASLU", null, true);
      agency("BAWASLU-LAMPUNG", "BAWASLU", "BAWASLU", false);
      agency("BKN", "BKN", null, true);
      agency("KEMENDAGRI", "KEMENDAGRI", null, true);
      agency("BPASN", "BPASN", null, false);
      agency("PEMKOT-METRO", "REGIONAL_GOVERNMENT", null, true);
      agency("DISDIK-METRO", "UNIT", "PEMKOT-METRO", false);
      agency("KEMENKEU", "CENTRAL_AGENCY", null, true);
      agency("KEMENPANRB", "KEMENPANRB", null, true);
      String ref =
          PersonRef.derive(
                  "benchmark pseudonymisation key, 32 bytes+".getBytes(StandardCharsets.UTF_8),
                  Nip.parse("198503302010122001"))
              .text();
      // One round per step, every case taking that step, as agencies append in parallel.
      for (int step = 0; step < RECORDS_PER_CASE; step++) {
        for (int i = 0; i < CASES; i++) {
          String id = "B-" + i;
          String subject = "case/" + id;
          LocalDate d0 = LocalDate.of(2024, 9, 1).plusDays(i % 60);
          LocalDate d = d0.plusDays(3 + step);
          String n = "800/" + step + "/" + id;
          switch (step) {
            case 0:
              add(
                  "BAWASLU-LAMPUNG",
                  "case.reported",
                  subject,
                  o(
                      "election", "PILKADA-2024",
                      "channel", "SIGAPLAPOR",
                      "receivedOn", d0.plusDays(2),
                      "knownOn", d0.plusDays(1),
                      "occurredOn", d0,
                      "place", digest(id + "p"),
                      "description", digest(id + "d"),
                      "candidateStage", "CANDIDATE",
                      "reporter", o("name", digest(id + "rn"), "contact", digest(id + "rc")),
                      "reported",
                          o(
                              "ref",
                              ref,
                              "unit",
                              "DISDIK-METRO",
                              "name",
                              digest(id + "n"),
                              "nip",
                              digest(id + "nip"))));
              break;
            case 1:
              add("BAWASLU-LAMPUNG", "case.registered", subject, o("number", n, "registeredOn", d));
              break;
            case 2:
              add("BKN", "case.verified", subject, o("verifiedOn", d));
              break;
            case 3:
              add(
                  "BAWASLU-LAMPUNG",
                  "case.clarified",
                  subject,
                  o("clarifiedOn", d, "party", "REPORTED", "minutesDigest", doc(id + "c")));
              break;
            case 4:
              ArrayNode forms = F.arrayNode().add("DIS-N1");
              add(
                  "BAWASLU-LAMPUNG",
                  "case.assessed",
                  subject,
                  o(
                      "assessedOn",
                      d,
                      "outcome",
                      "VIOLATION",
                      "candidateStage",
                      "CANDIDATE",
                      "forms",
                      forms,
                      "reportDigest",
                      doc(id + "k")));
              break;
            case 5:
              add(
                  "BAWASLU-LAMPUNG",
                  "case.forwarded",
                  subject,
                  o("number", n, "forwardedOn", d, "to", "BKN"));
              break;
            case 6:
              add(
                  "BKN",
                  "case.recommended",
                  subject,
                  o(
                      "number",
                      n,
                      "recommendedOn",
                      d,
                      "track",
                      "DISCIPLINE",
                      "level",
                      "SEDANG",
                      "articles",
                      F.arrayNode().add("PP 94/2021 Pasal 5 huruf n angka 1"),
                      "addressedTo",
                      "PEMKOT-METRO"));
              break;
            case 7:
              add(
                  "DISDIK-METRO",
                  "case.summoned",
                  subject,
                  o("number", n, "summonedOn", d, "hearingOn", d));
              break;
            case 8:
              add(
                  "DISDIK-METRO",
                  "case.examined",
                  subject,
                  o(
                      "examinedOn",
                      d,
                      "byTeam",
                      false,
                      "attended",
                      true,
                      "minutesDigest",
                      doc(id + "e")));
              break;
            case 9:
              add(
                  "PEMKOT-METRO",
                  "case.sanction-decided",
                  subject,
                  o(
                      "number",
                      n,
                      "decidedOn",
                      d,
                      "level",
                      "SEDANG",
                      "form",
                      "ALLOWANCE_CUT_25",
                      "durationMonths",
                      6,
                      "effectiveOn",
                      d));
              break;
            case 10:
              add(
                  "DISDIK-METRO",
                  "case.decision-delivered",
                  subject,
                  o("decision", (long) decisionPosition(i), "deliveredOn", d));
              break;
            case 11:
              add(
                  "DISDIK-METRO",
                  "case.in-force",
                  subject,
                  o("decision", (long) decisionPosition(i), "inForceOn", d.plusDays(30)));
              break;
            case 12:
              add("DISDIK-METRO", "case.served", subject, o("servedOn", d0.plusMonths(8)));
              break;
            default:
              add(
                  "PEMKOT-METRO",
                  "case.closed",
                  subject,
                  o("closedOn", d0.plusMonths(8).plusDays(1), "reason", "SERVED"));
              break;
          }
        }
      }
      return out;
    }

    static int decisionPosition(int caseIndex) {
      return SETUP_RECORDS + 9 * CASES + caseIndex;
    }
  }

  /** For a quick run without JMH: prints records per second over a few replays. */
  public static void main(String[] args) throws Exception {
    List<Submission> ledger = new Builder().build();
    for (int round = 0; round < 10; round++) {
      long t0 = System.nanoTime();
      replayAll(ledger);
      long ns = System.nanoTime() - t0;
      System.out.printf(
          Locale.ROOT,
          "%d records in %.1f ms: %.0f records/s%n",
          TOTAL,
          ns / 1e6,
          TOTAL / (ns / 1e9));
    }
  }
}
