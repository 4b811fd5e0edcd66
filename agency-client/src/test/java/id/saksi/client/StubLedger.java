package id.saksi.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.domain.testing.TestLedger;
import id.saksi.core.entry.Entry;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.merkle.InMemoryHashStore;
import id.saksi.core.merkle.InclusionProof;
import id.saksi.core.merkle.MerkleTree;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.note.NoteVerifierKey;
import id.saksi.core.note.TlogProof;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A ledger service in a test: the protocol's endpoints over real HTTP (JDK HttpServer), honest by
 * default, with switches that make it lie in the ways a client must notice. Entries are kept in
 * memory in a real Merkle tree, so its checkpoints and proofs are the real thing.
 */
final class StubLedger implements AutoCloseable {
  static final String ORIGIN = "stub.example/log";
  static final NoteSigner LOG = NoteSigner.of(ORIGIN, TestLedger.privateKey("stub log"));
  static final NoteSigner OTHER_LOG = NoteSigner.of(ORIGIN, TestLedger.privateKey("another log"));
  static final Instant START = Instant.parse("2026-11-23T01:00:00Z");

  private final HttpServer server;
  private final List<Entry> entries = new ArrayList<>();
  private final Map<Hash, Entry> byStatement = new HashMap<>();
  private final InMemoryHashStore store = new InMemoryHashStore();
  private final MerkleTree tree = MerkleTree.create(store);

  /** Every request, as "METHOD /path?query". */
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** A problem JSON to refuse a submission with (status taken from it), or null to append. */
  volatile Function<SignedSubmission, ObjectNode> refuse = s -> null;

  volatile boolean wrongProof;
  volatile boolean foreignCheckpoint;
  volatile boolean foreignReceipt;
  volatile boolean receiptForAnotherEntry;
  volatile boolean noProofEndpoint;
  volatile boolean proofAgainstAnotherRoot;
  volatile int unavailable;
  volatile long checkpointLag;
  volatile ObjectNode proofProblem;

  StubLedger() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static NoteVerifierKey logKey() {
    return LOG.verifierKey();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized Entry entry(int i) {
    return entries.get(i);
  }

  /** A problem body as the service writes it. */
  static ObjectNode problem(int status, String type, String detail) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("type", Problem.TYPE_PREFIX + type);
    p.put("title", "A " + type + " problem");
    p.put("status", status);
    p.put("detail", detail);
    return p;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String target = x.getRequestURI().getRawPath();
      String query = x.getRequestURI().getRawQuery();
      requests.add(x.getRequestMethod() + " " + target + (query == null ? "" : "?" + query));
      byte[] body = x.getRequestBody().readAllBytes();
      if (x.getRequestMethod().equals("POST") && unavailable > 0) {
        unavailable--;
        ObjectNode p = problem(503, "unavailable", "the queue is full; the outcome is unknown");
        p.put("retryAfterSeconds", 0);
        send(x, 503, "application/problem+json", CanonicalJson.canonicalize(p));
        return;
      }
      if (x.getRequestMethod().equals("POST") && target.equals("/statements")) {
        ObjectNode r = submit(SignedSubmission.parse(body, "request"));
        int status = r.get("status").intValue();
        r.remove("status");
        send(
            x,
            status,
            status < 300 ? "application/json" : "application/problem+json",
            CanonicalJson.canonicalize(status < 300 ? r : (ObjectNode) r.get("problem")));
      } else if (x.getRequestMethod().equals("POST") && target.equals("/statements/batch")) {
        JsonNode items = CanonicalJson.parse(body).get("items");
        if (items.size() > 1000) {
          ObjectNode p = problem(413, "too-large", "more than 1000 items");
          send(x, 413, "application/problem+json", CanonicalJson.canonicalize(p));
          return;
        }
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (JsonNode item : items) {
          results.add(submit(SignedSubmission.fromJson(item, "item")));
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set("results", results);
        send(x, 200, "application/json", CanonicalJson.canonicalize(answer));
      } else if (target.equals("/checkpoint")) {
        send(x, 200, "text/plain; charset=UTF-8", checkpoint(checkpointSize(), foreignCheckpoint));
      } else if (target.equals("/proof/inclusion") && proofProblem != null) {
        int status = proofProblem.get("status").intValue();
        send(x, status, "application/problem+json", CanonicalJson.canonicalize(proofProblem));
      } else if (target.equals("/proof/inclusion") && !noProofEndpoint) {
        Map<String, Long> q = new HashMap<>();
        for (String kv : query.split("&")) {
          String[] p = kv.split("=");
          q.put(p[0], Long.parseLong(p[1]));
        }
        send(x, 200, "text/plain; charset=UTF-8", proof(q.get("index"), q.get("size")));
      } else {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("title", "Not Found");
        p.put("status", 404);
        send(x, 404, "application/problem+json", CanonicalJson.canonicalize(p));
      }
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private synchronized long checkpointSize() {
    return Math.max(0, entries.size() - checkpointLag);
  }

  private synchronized byte[] checkpoint(long size, boolean foreign) {
    Checkpoint cp = new Checkpoint(ORIGIN, size, tree.root(size));
    return Checkpoints.sign(cp, foreign ? OTHER_LOG : LOG);
  }

  private synchronized byte[] proof(long index, long size) {
    if (proofAgainstAnotherRoot) {
      return forkedProof(index, size);
    }
    InclusionProof p = tree.inclusionProof(index, size);
    List<Hash> path = new ArrayList<>(p.path());
    if (wrongProof && !path.isEmpty()) {
      path.set(0, Hashing.sha256("not a node".getBytes(UTF_8)));
    }
    byte[] cp = checkpoint(size, foreignCheckpoint);
    return TlogProof.of(index, path, cp).encode();
  }

  /**
   * A valid proof in another tree of the same size, one whose other leaf differs, under a
   * checkpoint the log signed for it: what a forked log would serve.
   */
  private byte[] forkedProof(long index, long size) {
    MerkleTree fork = MerkleTree.create(new InMemoryHashStore());
    long changed = index == size - 1 ? 0 : size - 1;
    for (int i = 0; i < size; i++) {
      fork.append(
          i == changed ? Hashing.sha256("forged".getBytes(UTF_8)) : entries.get(i).leafHash());
    }
    byte[] cp = Checkpoints.sign(new Checkpoint(ORIGIN, size, fork.root(size)), LOG);
    return TlogProof.of(index, fork.inclusionProof(index, size).path(), cp).encode();
  }

  private synchronized ObjectNode submit(SignedSubmission s) {
    ObjectNode refusal = refuse.apply(s);
    if (refusal != null) {
      ObjectNode r = JsonNodeFactory.instance.objectNode();
      r.put("status", refusal.get("status").intValue());
      r.set("problem", refusal);
      return r;
    }
    Hash id = Hashing.sha256(s.statement().canonicalBytes());
    Entry e = byStatement.get(id);
    int status = 200;
    if (e == null) {
      long index = entries.size();
      Hash prev = index == 0 ? Hash.ZERO : entries.get((int) index - 1).leafHash();
      e = s.entry(index, prev, START.plusMillis(index * 1000 + 7));
      entries.add(e);
      tree.append(e.leafHash());
      byStatement.put(id, e);
      status = 201;
    }
    Entry named = receiptForAnotherEntry && e.index() > 0 ? entries.get((int) e.index() - 1) : e;
    byte[] note = Receipts.sign(Receipt.forEntry(ORIGIN, named), foreignReceipt ? OTHER_LOG : LOG);
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("status", status);
    r.put("index", named.index());
    r.put("leafHash", named.leafHash().hex());
    r.put("prev", named.prev().hex());
    r.put("recordedAt", named.recordedAt().toString());
    r.put("receipt", new String(note, UTF_8));
    return r;
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, body.length);
    x.getResponseBody().write(body);
  }

  /** A deterministic key for tests that sign. */
  static Ed25519PrivateKey agencyKey(String agency) {
    return TestLedger.privateKey(agency + "#1");
  }
}
