package id.saksi.core.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.PersonRef;
import id.saksi.core.domain.catalogue.Catalogues;
import id.saksi.core.domain.validation.Nip;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import id.saksi.core.entry.Timestamps;
import id.saksi.core.export.ExportScope;
import id.saksi.core.export.ExportWriter;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.merkle.CompactRange;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a large, legal, signed ledger as a whole-ledger export bundle, for benchmarks (1,000,000
 * or 10,000,000 entries): genesis, catalogue v1, nine agencies with their keys, then cases of 14
 * records each, report to closure on the discipline track, appended in rounds of {@value #ROUND}
 * cases as agencies would append them in parallel.
 *
 * <p>Nothing is held in memory but one round: statements are signed on all cores a round at a time,
 * their entries chained and written to a temporary file of leaves while a compact range follows the
 * tree, and the bundle is then written from that file with the checkpoint of the whole.
 * Deterministic: the same size gives the same bytes. Uses no assertion library, so the benchmarks
 * can run it.
 */
public final class LedgerGenerator {
  /** Cases per round. */
  public static final int ROUND = 1000;

  private final int casesPerRound;

  /** Records per case. */
  public static final int STEPS = 14;

  /** The log's origin. */
  public static final String ORIGIN = "saksi.example/log";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant RECORDED = Instant.parse("2026-01-02T00:00:00Z");
  private static final String[][] AGENCIES = {
    {"BAWASLU", "BAWASLU", null, "true"},
    {"BAWASLU-LAMPUNG", "BAWASLU", "BAWASLU", "false"},
    {"BKN", "BKN", null, "true"},
    {"KEMENDAGRI", "KEMENDAGRI", null, "true"},
    {"BPASN", "BPASN", null, "false"},
    {"PEMKOT-METRO", "REGIONAL_GOVERNMENT", null, "true"},
    {"DISDIK-METRO", "UNIT", "PEMKOT-METRO", "false"},
    {"KEMENKEU", "CENTRAL_AGENCY", null, "true"},
    {"KEMENPANRB", "KEMENPANRB", null, "true"},
  };

  /**
   * What was written.
   *
   * @param size number of entries
   * @param logKey the log's verifier key
   * @param checkpoint the signed checkpoint of the whole ledger
   * @param checkpointAtHalf a signed checkpoint of the first half, for --since
   */
  public record Result(
      long size, NoteVerifierKey logKey, byte[] checkpoint, byte[] checkpointAtHalf) {}

  private final Map<String, Ed25519PrivateKey> keys = new HashMap<>();
  private final String ref;
  private final NoteSigner log = NoteSigner.of(ORIGIN, key("LOG"));

  private LedgerGenerator(int casesPerRound) {
    this.casesPerRound = casesPerRound;
    try {
      ref =
          PersonRef.derive(
                  "generator pseudonymisation key, 32+ bytes".getBytes(UTF_8),
                  Nip.parse("198503302010122001"))
              .text();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes a whole-ledger export of {@code size} entries to {@code zip}, signing on {@code threads}
   * threads; the log key and checkpoints are also written beside it as {@code log.vkey}, {@code
   * checkpoint} and {@code checkpoint-half}.
   */
  public static Result generate(long size, Path zip, int threads) throws IOException {
    return generate(size, zip, threads, ROUND);
  }

  /** As above, with {@code casesPerRound} cases per round (small ones for tests). */
  public static Result generate(long size, Path zip, int threads, int casesPerRound)
      throws IOException {
    if (size < 20) {
      throw new IllegalArgumentException("a generated ledger has at least 20 entries");
    }
    return new LedgerGenerator(casesPerRound).write(size, zip, threads);
  }

  /** The deterministic key of {@code name}. */
  public static Ed25519PrivateKey key(String name) {
    return Ed25519PrivateKey.fromSeed(Hashing.sha256(("gen:" + name).getBytes(UTF_8)).bytes());
  }

  private Ed25519PrivateKey agencyKey(String agency) {
    return keys.computeIfAbsent(agency, LedgerGenerator::key);
  }

  /** One record to sign: its agency, type, subject and body. */
  private record Rec(String agency, String type, String subject, JsonNode body) {}

  private Result write(long size, Path zip, int threads) throws IOException {
    Path leaves = Files.createTempFile(zip.toAbsolutePath().getParent(), "leaves", ".jsonl");
    CompactRange tree = new CompactRange();
    Hash half = null;
    long halfSize = size / 2;
    ForkJoinPool pool = new ForkJoinPool(threads);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(leaves), 1 << 20)) {
      Hash prev = Hash.ZERO;
      long index = 0;
      List<Rec> recs = setup();
      int round = 0;
      while (index < size) {
        int n = (int) Math.min(recs.size(), size - index);
        final long base = index;
        final List<Rec> batch = recs.subList(0, n);
        byte[][] signed = new byte[n][];
        try {
          pool.submit(
                  () ->
                      IntStream.range(0, n)
                          .parallel()
                          .forEach(i -> signed[i] = statementAndSignature(batch.get(i), base + i)))
              .get();
        } catch (InterruptedException | ExecutionException e) {
          throw new IllegalStateException(e);
        }
        for (int i = 0; i < n; i++) {
          byte[] leaf = leaf(index, prev, signed[i]);
          if (index % 100_000 == 0) {
            check(leaf);
          }
          out.write(leaf);
          out.write('\n');
          prev = Hashing.leafHash(leaf);
          tree.append(prev);
          index++;
          if (index == halfSize) {
            half = tree.root();
          }
        }
        recs = round(round++, index);
      }
    }
    byte[] checkpoint = Checkpoints.sign(new Checkpoint(ORIGIN, size, tree.root()), log);
    byte[] checkpointHalf = Checkpoints.sign(new Checkpoint(ORIGIN, halfSize, half), log);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip), 1 << 20);
        ExportWriter w =
            new ExportWriter(
                out, ExportScope.ledger(), checkpoint, log.verifierKey(), ISSUED.plusSeconds(1));
        InputStream in = Files.newInputStream(leaves)) {
      byte[] buf = new byte[1 << 20];
      byte[] line = new byte[Entry.MAX_BYTES];
      long index = 0;
      int len = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            w.leaf(index++, Arrays.copyOf(line, len));
            len = 0;
          } else {
            line[len++] = buf[i];
          }
        }
      }
    } finally {
      Files.deleteIfExists(leaves);
      pool.shutdown();
    }
    Path dir = zip.toAbsolutePath().getParent();
    Files.writeString(dir.resolve("log.vkey"), log.verifierKey().encode() + "\n");
    Files.write(dir.resolve("checkpoint"), checkpoint);
    Files.write(dir.resolve("checkpoint-half"), checkpointHalf);
    return new Result(size, log.verifierKey(), checkpoint, checkpointHalf);
  }

  /**
   * The canonical bytes of the statement at {@code index}, then its signature: the part of an entry
   * that does not depend on the chain, so it can be made on any thread.
   */
  private byte[] statementAndSignature(Rec r, long index) {
    Ed25519PrivateKey k = agencyKey(r.agency().equals("REGISTRAR") ? "REGISTRAR" : r.agency());
    Statement s;
    try {
      s =
          Statement.create(
              r.type(),
              r.agency(),
              KeyId.of(k.publicKey()),
              r.subject(),
              ISSUED,
              nonce(index),
              r.body());
    } catch (EntryFormatException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    StatementSignature sig = Statements.sign(s, k);
    String head =
        "\"signatures\":[{\"key\":\""
            + sig.key().hex()
            + "\",\"sig\":\""
            + sig.signatureBase64()
            + "\"}],\"statement\":";
    byte[] h = head.getBytes(UTF_8);
    byte[] st = s.canonicalBytes();
    byte[] out = Arrays.copyOf(h, h.length + st.length);
    System.arraycopy(st, 0, out, h.length, st.length);
    return out;
  }

  /**
   * The leaf bytes: the canonical JSON of the entry, written directly since its members come in
   * sorted order (index, prev, recordedAt, signatures, statement); {@link #check} compares with
   * {@link Entry#create} now and then.
   */
  private static byte[] leaf(long index, Hash prev, byte[] tail) {
    String head =
        "{\"index\":"
            + index
            + ",\"prev\":\""
            + prev.hex()
            + "\",\"recordedAt\":\""
            + Timestamps.millis(RECORDED.plusMillis(index))
            + "\",";
    byte[] h = head.getBytes(UTF_8);
    byte[] out = Arrays.copyOf(h, h.length + tail.length + 1);
    System.arraycopy(tail, 0, out, h.length, tail.length);
    out[out.length - 1] = '}';
    return out;
  }

  private static void check(byte[] leaf) {
    try {
      Entry e = Entry.parse(leaf);
      if (!Arrays.equals(
          Entry.create(e.index(), e.prev(), e.recordedAt(), e.statement(), e.signatures())
              .leafBytes(),
          leaf)) {
        throw new IllegalStateException("generated leaf " + e.index() + " is not canonical");
      }
    } catch (Exception e) {
      throw new IllegalStateException("generated leaf is not an entry: " + e.getMessage(), e);
    }
  }

  private static String nonce(long index) {
    byte[] h = Hashing.sha256(("gen-nonce:" + index).getBytes(UTF_8)).bytes();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
  }

  private List<Rec> setup() {
    List<Rec> out = new ArrayList<>();
    out.add(
        new Rec(
            "REGISTRAR",
            "registry.genesis",
            "registry",
            o(
                "code",
                "REGISTRAR",
                "name",
                "Registrar",
                "publicKey",
                agencyKey("REGISTRAR").publicKey().base64())));
    out.add(
        new Rec(
            "REGISTRAR",
            "catalogue.adopted",
            "registry",
            o("catalogue", Catalogues.bundledJson(1))));
    for (String[] a : AGENCIES) {
      ObjectNode b =
          o("code", a[0], "name", "The " + a[0], "kind", a[1], "ppk", Boolean.valueOf(a[3]));
      if (a[2] != null) {
        b.put("parent", a[2]);
      }
      out.add(new Rec("REGISTRAR", "agency.registered", "registry", b));
      out.add(
          new Rec(
              "REGISTRAR",
              "key.added",
              "registry",
              o("agency", a[0], "publicKey", agencyKey(a[0]).publicKey().base64())));
    }
    return out;
  }

  /** The records of round {@code round}, the first of which lands at {@code start}. */
  private List<Rec> round(int round, long start) {
    List<Rec> out = new ArrayList<>(casesPerRound * STEPS);
    for (int step = 0; step < STEPS; step++) {
      for (int i = 0; i < casesPerRound; i++) {
        String id = "G-" + round + "-" + i;
        String subject = "case/" + id;
        LocalDate d0 = LocalDate.of(2024, 9, 1).plusDays(i % 60);
        LocalDate d = d0.plusDays(3 + step);
        String n = "800/" + step + "/" + id;
        long decision = start + 9L * casesPerRound + i;
        out.add(step(step, id, subject, d0, d, n, decision));
      }
    }
    return out;
  }

  private Rec step(
      int step, String id, String subject, LocalDate d0, LocalDate d, String n, long decision) {
    switch (step) {
      case 0:
        return new Rec(
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
      case 1:
        return new Rec(
            "BAWASLU-LAMPUNG", "case.registered", subject, o("number", n, "registeredOn", d));
      case 2:
        return new Rec("BKN", "case.verified", subject, o("verifiedOn", d));
      case 3:
        return new Rec(
            "BAWASLU-LAMPUNG",
            "case.clarified",
            subject,
            o("clarifiedOn", d, "party", "REPORTED", "minutesDigest", doc(id + "c")));
      case 4:
        return new Rec(
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
                F.arrayNode().add("DIS-N1"),
                "reportDigest",
                doc(id + "k")));
      case 5:
        return new Rec(
            "BAWASLU-LAMPUNG",
            "case.forwarded",
            subject,
            o("number", n, "forwardedOn", d, "to", "BKN"));
      case 6:
        return new Rec(
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
      case 7:
        return new Rec(
            "DISDIK-METRO",
            "case.summoned",
            subject,
            o("number", n, "summonedOn", d, "hearingOn", d));
      case 8:
        return new Rec(
            "DISDIK-METRO",
            "case.examined",
            subject,
            o("examinedOn", d, "byTeam", false, "attended", true, "minutesDigest", doc(id + "e")));
      case 9:
        return new Rec(
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
      case 10:
        return new Rec(
            "DISDIK-METRO",
            "case.decision-delivered",
            subject,
            o("decision", decision, "deliveredOn", d));
      case 11:
        return new Rec(
            "DISDIK-METRO",
            "case.in-force",
            subject,
            o("decision", decision, "inForceOn", d.plusDays(30)));
      case 12:
        return new Rec("DISDIK-METRO", "case.served", subject, o("servedOn", d0.plusMonths(8)));
      default:
        return new Rec(
            "PEMKOT-METRO",
            "case.closed",
            subject,
            o("closedOn", d0.plusMonths(8).plusDays(1), "reason", "SERVED"));
    }
  }

  private static ObjectNode o(Object... kv) {
    ObjectNode n = F.objectNode();
    for (int i = 0; i < kv.length; i += 2) {
      String k = (String) kv[i];
      Object v = kv[i + 1];
      if (v instanceof JsonNode) {
        n.set(k, (JsonNode) v);
      } else if (v instanceof Boolean) {
        n.put(k, (Boolean) v);
      } else if (v instanceof Long) {
        n.put(k, (Long) v);
      } else if (v instanceof Integer) {
        n.put(k, (Integer) v);
      } else {
        n.put(k, v.toString());
      }
    }
    return n;
  }

  private static String digest(String seed) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(Hashing.sha256(seed.getBytes(UTF_8)).bytes());
  }

  private static String doc(String seed) {
    return Hashing.sha256(seed.getBytes(UTF_8)).hex();
  }

  /** Writes a ledger: {@code LedgerGenerator SIZE FILE.zip [THREADS]}. */
  public static void main(String[] args) throws IOException {
    long size = Long.parseLong(args[0]);
    Path zip = Path.of(args[1]);
    int threads =
        args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    generate(size, zip, threads);
    System.out.printf(
        java.util.Locale.ROOT,
        "%d entries written to %s in %.1f s%n",
        size,
        zip,
        (System.nanoTime() - t0) / 1e9);
  }
}
