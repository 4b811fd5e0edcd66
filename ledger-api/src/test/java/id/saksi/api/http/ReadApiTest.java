package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.HttpLedgerTest;
import id.saksi.core.hash.Hash;
import id.saksi.core.merkle.MerkleVerifier;
import id.saksi.core.merkle.RootMismatchException;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.Checkpoints;
import id.saksi.core.note.InclusionFailedException;
import id.saksi.core.note.TlogProof;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read API over HTTP: entries, inclusion and consistency proofs, and each of their errors. */
class ReadApiTest extends HttpLedgerTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void entries_areTheStoredLeafBytesOnePerLine() {
    client.post(Bodies.newCircular());
    long size = ledger.size();
    long start = Math.max(0, size - 5);

    Answer a = get("/entries?start=" + start + "&end=" + size);

    assertThat(a.status).as(a.text()).isEqualTo(200);
    assertThat(a.contentType).isEqualTo("application/x-ndjson");
    assertThat(a.header("Saksi-Next-Start")).isNull();
    assertThat(Long.parseLong(a.header("Saksi-Tree-Size"))).isGreaterThanOrEqualTo(size);
    StringBuilder want = new StringBuilder();
    for (long i = start; i < size; i++) {
      want.append(new String(ledger.entry(i).leafBytes(), StandardCharsets.UTF_8)).append('\n');
    }
    assertThat(a.text()).isEqualTo(want.toString());
  }

  @Test
  void entries_withoutEnd_runToTheSizeAndSayNoMore() {
    long size = ledger.size();

    Answer a = get("/entries?start=0");

    assertThat(a.status).isEqualTo(200);
    List<String> lines = a.lines();
    assertThat((long) lines.size()).isEqualTo(Long.parseLong(a.header("Saksi-Tree-Size")));
    assertThat((long) lines.size()).isGreaterThanOrEqualTo(size);
    assertThat(lines.get(0)).startsWith("{\"index\":0,");
    assertThat(a.header("Saksi-Next-Start")).isNull();
  }

  @Test
  void entries_endBeyondTheSize_isCutAtTheSize() {
    long size = ledger.size();

    Answer a = get("/entries?start=" + (size - 1) + "&end=" + (size + 1000));

    assertThat(a.status).isEqualTo(200);
    assertThat(a.lines()).hasSizeGreaterThanOrEqualTo(1);
    assertThat(a.lines().get(0)).startsWith("{\"index\":" + (size - 1) + ",");
  }

  @Test
  void entries_emptyRange_isAnEmptyAnswer() {
    Answer a = get("/entries?start=1&end=1");

    assertThat(a.status).isEqualTo(200);
    assertThat(a.body).isEmpty();
  }

  @Test
  void entries_startAtOrBeyondTheSize_is416WithTheSize() {
    long size = ledger.size();

    Answer a = get("/entries?start=" + (size + 100));

    assertThat(a.status).isEqualTo(416);
    JsonNode p = a.problem("beyond-size");
    assertThat(p.get("size").longValue()).isGreaterThanOrEqualTo(size);
    assertThat(p.get("detail").asString())
        .startsWith("the ledger has " + p.get("size").longValue() + " entries (indexes 0 to ")
        .endsWith("ask again later for entries from " + (size + 100));
  }

  @Test
  void entries_startAfterEnd_is400() {
    Answer a = get("/entries?start=3&end=2");

    assertThat(a.status).isEqualTo(400);
    JsonNode p = a.problem("bad-parameter");
    assertThat(p.get("parameter").asString()).isEqualTo("end");
    assertThat(p.get("detail").asString()).isEqualTo("end (2) must not be less than start (3)");
  }

  @Test
  void entries_startMissingNegativeOrNotDecimal_is400NamingIt() {
    for (String q :
        List.of(
            "",
            "?start=-1",
            "?start=abc",
            "?start=01",
            "?start=99999999999999999999",
            "?start=0&end=x")) {
      Answer a = get("/entries" + q);

      assertThat(a.status).as(q).isEqualTo(400);
      JsonNode p = a.problem("bad-parameter");
      assertThat(p.get("parameter").asString())
          .as(q)
          .isEqualTo(q.contains("end") ? "end" : "start");
    }
    assertThat(get("/entries").problem("bad-parameter").get("detail").asString())
        .isEqualTo("the query parameter start is required");
    assertThat(get("/entries?start=-1").problem("bad-parameter").get("detail").asString())
        .isEqualTo(
            "the query parameter start must be a non-negative decimal integer without sign or"
                + " leading zeros");
  }

  @Test
  void inclusion_verifiesWithTheCoreAgainstTheServedCheckpoint() throws Exception {
    long index = client.post(Bodies.newCircular()).index();
    Checkpoint served = awaitCheckpointCovering(index);

    for (long i : new long[] {0, 1, index / 2, index}) {
      Answer a = get("/proof/inclusion?index=" + i);

      assertThat(a.status).as(a.text()).isEqualTo(200);
      assertThat(a.contentType).isEqualTo("text/plain;charset=UTF-8");
      TlogProof proof = TlogProof.parse(a.body);
      Checkpoint c = proof.verify(ledger.entry(i).leafHash(), keys.logVerifierKey(), keys.origin());
      assertThat(proof.index()).isEqualTo(i);
      assertThat(c.size()).isGreaterThanOrEqualTo(served.size());
      assertThat(c.rootHash()).isEqualTo(ledger.recomputedRoot(c.size()));
    }
  }

  @Test
  void inclusion_ofAnotherLeaf_doesNotVerify() throws Exception {
    long index = client.post(Bodies.newCircular()).index();
    awaitCheckpointCovering(index);

    TlogProof proof = TlogProof.parse(get("/proof/inclusion?index=" + index).body);

    assertThatThrownBy(
            () ->
                proof.verify(
                    ledger.entry(index - 1).leafHash(), keys.logVerifierKey(), keys.origin()))
        .isInstanceOf(InclusionFailedException.class);
  }

  @Test
  void inclusion_againstAnOlderCheckpoint_embedsThatCheckpointAndVerifies() throws Exception {
    long first = client.post(Bodies.newCircular()).index();
    Checkpoint older = awaitCheckpointCovering(first);
    long second = client.post(Bodies.newCircular()).index();
    awaitCheckpointCovering(second);

    Answer a = get("/proof/inclusion?index=" + first + "&size=" + older.size());

    assertThat(a.status).as(a.text()).isEqualTo(200);
    Checkpoint c =
        TlogProof.parse(a.body)
            .verify(ledger.entry(first).leafHash(), keys.logVerifierKey(), keys.origin());
    assertThat(c).isEqualTo(older);
  }

  @Test
  void inclusion_sizeWithoutCheckpoint_is404NamingTheStoredSizes() throws Exception {
    long index = client.post(Bodies.newCircular()).index();
    Checkpoint latest = awaitCheckpointCovering(index);
    List<Long> sizes =
        new JdbcTemplate(dataSource)
            .queryForList("SELECT size FROM checkpoint ORDER BY size", Long.class);
    long missing = latest.size() + 1000;
    for (long s = 2; s < latest.size(); s++) {
      if (!sizes.contains(s) && sizes.get(0) < s) {
        missing = s;
        break;
      }
    }
    final long asked = missing;

    Answer a = get("/proof/inclusion?index=0&size=" + asked);

    assertThat(a.status).as(a.text()).isEqualTo(404);
    JsonNode p = a.problem("checkpoint-not-found");
    assertThat(p.get("detail").asString())
        .startsWith("no checkpoint of size " + asked + " was signed");
    assertThat(p.get("latestSize").longValue()).isGreaterThanOrEqualTo(latest.size());
    long below = sizes.stream().filter(s -> s < asked).mapToLong(Long::longValue).max().orElse(-1);
    assertThat(p.get("previousSize").longValue()).isEqualTo(below);
    if (asked < latest.size()) {
      long above =
          sizes.stream().filter(s -> s > asked).mapToLong(Long::longValue).min().orElseThrow();
      assertThat(p.get("nextSize").longValue()).isEqualTo(above);
      assertThat(p.get("detail").asString()).contains("ask for the next one, size " + above);
    } else {
      assertThat(p.has("nextSize")).isFalse();
    }
  }

  @Test
  void inclusion_indexNotInTheTree_is416SayingWhatToAskFor() throws Exception {
    long index = client.post(Bodies.newCircular()).index();
    Checkpoint latest = awaitCheckpointCovering(index);

    Answer explicit = get("/proof/inclusion?index=" + index + "&size=" + index);
    Answer beyond = get("/proof/inclusion?index=" + (latest.size() + 5000));

    assertThat(explicit.status).isEqualTo(416);
    JsonNode p = explicit.problem("beyond-size");
    assertThat(p.get("size").longValue()).isEqualTo(index);
    assertThat(p.get("detail").asString())
        .startsWith("entry " + index + " is not in the tree of size " + index)
        .contains("ask for a checkpoint size greater than " + index);
    assertThat(beyond.status).isEqualTo(416);
    assertThat(beyond.problem("beyond-size").get("detail").asString())
        .contains("ask again once a checkpoint covers the entry");
  }

  @Test
  void inclusion_badParameters_are400() {
    assertThat(get("/proof/inclusion").problem("bad-parameter").get("parameter").asString())
        .isEqualTo("index");
    assertThat(
            get("/proof/inclusion?index=1&size=-2")
                .problem("bad-parameter")
                .get("parameter")
                .asString())
        .isEqualTo("size");
  }

  @Test
  void consistency_betweenTwoCheckpoints_verifiesWithTheCore() throws Exception {
    long first = client.post(Bodies.newCircular()).index();
    Checkpoint older = awaitCheckpointCovering(first);
    client.post(Bodies.newCircular());
    long third = client.post(Bodies.newCircular()).index();
    Checkpoint newer = awaitCheckpointCovering(third);

    Answer a = get("/proof/consistency?from=" + older.size() + "&to=" + newer.size());

    assertThat(a.status).as(a.text()).isEqualTo(200);
    assertThat(a.contentType).isEqualTo("text/plain;charset=UTF-8");
    List<Hash> proof = hashes(a);
    MerkleVerifier.verifyConsistency(
        older.size(), newer.size(), proof, older.rootHash(), newer.rootHash());
    assertThatThrownBy(
            () ->
                MerkleVerifier.verifyConsistency(
                    older.size(), newer.size(), proof, newer.rootHash(), newer.rootHash()))
        .isInstanceOf(RootMismatchException.class);
  }

  @Test
  void consistency_ofEveryPairOfSmallSizes_verifies() throws Exception {
    int n = (int) Math.min(ledger.size(), 12);
    for (int m = 0; m <= n; m++) {
      for (int k = m; k <= n; k++) {
        Answer a = get("/proof/consistency?from=" + m + "&to=" + k);

        assertThat(a.status).isEqualTo(200);
        MerkleVerifier.verifyConsistency(
            m, k, hashes(a), ledger.recomputedRoot(m), ledger.recomputedRoot(k));
      }
    }
  }

  @Test
  void consistency_fromZeroOrToItself_isEmpty() {
    long size = ledger.size();

    assertThat(get("/proof/consistency?from=0&to=" + size).body).isEmpty();
    assertThat(get("/proof/consistency?from=3&to=3").body).isEmpty();
    assertThat(get("/proof/consistency?from=0&to=0").status).isEqualTo(200);
  }

  @Test
  void consistency_badRanges_are400Or416() {
    Answer reversed = get("/proof/consistency?from=5&to=4");
    Answer missing = get("/proof/consistency?from=5");
    Answer beyond = get("/proof/consistency?from=1&to=" + (ledger.size() + 1000));

    assertThat(reversed.status).isEqualTo(400);
    assertThat(reversed.problem("bad-parameter").get("detail").asString())
        .isEqualTo("from (5) must not be greater than to (4)");
    assertThat(missing.problem("bad-parameter").get("parameter").asString()).isEqualTo("to");
    assertThat(beyond.status).isEqualTo(416);
    assertThat(beyond.problem("beyond-size").get("detail").asString())
        .endsWith(": ask again later, or for a smaller tree size");
  }

  private Checkpoint awaitCheckpointCovering(long index) throws Exception {
    Checkpoint c = null;
    // Bounded wait for the publisher (configured to sign 50 ms after an append).
    for (int i = 0; i < 200; i++) {
      Answer a = get("/checkpoint");
      if (a.status == 200) {
        c = Checkpoints.open(a.body, keys.logVerifierKey(), keys.origin());
        if (c.size() > index) {
          return c;
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no checkpoint covers entry " + index + "; latest " + c);
  }

  private static List<Hash> hashes(Answer a) throws Exception {
    List<Hash> out = new ArrayList<>();
    for (String line : a.lines()) {
      out.add(Hash.fromBase64(line));
    }
    return out;
  }

  private Answer get(String path) {
    try {
      HttpResponse<byte[]> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r, r.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** One answer, with its headers and raw body. */
  private static final class Answer {
    final int status;
    final String contentType;
    final HttpResponse<byte[]> response;
    final byte[] body;

    Answer(int status, String contentType, HttpResponse<byte[]> response, byte[] body) {
      this.status = status;
      this.contentType = contentType;
      this.response = response;
      this.body = body;
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    List<String> lines() {
      String t = text();
      assertThat(t.isEmpty() || t.endsWith("\n")).as("ends with a newline").isTrue();
      return t.isEmpty()
          ? List.of()
          : Arrays.asList(t.substring(0, t.length() - 1).split("\n", -1));
    }

    JsonNode problem(String type) {
      assertThat(contentType).as(text()).isEqualTo("application/problem+json");
      JsonNode p = JSON.readTree(body);
      assertThat(p.get("type").asString()).as(text()).isEqualTo("urn:saksi:problem:" + type);
      assertThat(p.get("status").intValue()).isEqualTo(status);
      return p;
    }
  }
}
