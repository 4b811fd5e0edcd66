package id.saksi.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.json.NotCanonicalException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;

/**
 * RFC 8785 canonicalization of a realistic statement of about 1 KB (target: 100,000/s per core from
 * bytes). The input is as a client might send it: keys unsorted, spaces after separators, non-ASCII
 * text partly escaped.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CanonicalJson -f 1 -wi 3 -w 2s -i 5 -r
 * 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CanonicalJsonBenchmark {
  static final String STATEMENT =
      "{\"v\": 1, \"type\": \"case.reported\", \"agency\": \"BAWASLU-JATIM\","
          + " \"key\": \"bawaslu-jatim+8f3a2c1d+AUmZ0wq3pWb2h8aYJb6Hc1Xy0kqLrV5f3sT9nE7dGhQ=\","
          + " \"subject\": \"case/2024/JATIM/SDA/000123\","
          + " \"issuedAt\": \"2024-10-01T08:00:00Z\", \"nonce\": \"q8Zx3Vf1Lk9Pw2Rt7Yb4Nm==\","
          + " \"body\": {\"caseId\": \"SDA-2024-000123\","
          + " \"region\": {\"province\": \"Jawa Timur\", \"regency\": \"Kabupaten Sidoarjo\","
          + " \"district\": \"Kecamatan Waru\", \"code\": 3515},"
          + " \"violation\": {\"form\": \"dukungan-media-sosial\","
          + " \"basis\": [\"UU 5/2014 Pasal 2 huruf f\", \"PP 94/2021 Pasal 5 huruf n\"],"
          + " \"summary\": \"Pemberian dukungan kepada pasangan calon melalui unggahan"
          + " di media sosial pada masa kampanye; unggahan \\u201cmenyukai\\u201d dan"
          + " membagikan materi kampanye \u2014 termasuk foto bersama calon.\"},"
          + " \"subjectDigest\": \"sha256:5f2c7e0b9a3d41e6c8b7a2f1d0e9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1\","
          + " \"reporterDigest\": \"sha256:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9\","
          + " \"evidence\": [{\"kind\": \"tangkapan-layar\", \"bytes\": 183422,"
          + " \"digest\": \"sha256:9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b\"},"
          + " {\"kind\": \"tautan\", \"url\": \"https://example.org/p/7d1c\", \"bytes\": 0,"
          + " \"digest\": \"sha256:1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d\"}],"
          + " \"location\": [-7.3466, 112.7296], \"witnesses\": 2, \"score\": 0.75,"
          + " \"reportedAt\": \"2024-09-30T21:14:05+07:00\", \"channel\": \"gakkumdu-online\","
          + " \"tags\": [\"asn\", \"netralitas\", \"pilkada-2024\"], \"urgent\": false,"
          + " \"previous\": null}}";

  private byte[] statement;
  private byte[] canonical;
  private JsonNode tree;

  @Setup
  public void setUp() throws JsonParseException {
    statement = STATEMENT.getBytes(UTF_8);
    canonical = CanonicalJson.canonicalize(statement);
    tree = CanonicalJson.parse(statement);
  }

  /** Strict parse and canonical write: what the service does with a submitted statement. */
  @Benchmark
  public byte[] canonicalizeFromBytes() throws JsonParseException {
    return CanonicalJson.canonicalize(statement);
  }

  /** Canonical write of a tree built in code: what a client does before signing. */
  @Benchmark
  public byte[] canonicalizeFromTree() {
    return CanonicalJson.canonicalize(tree);
  }

  /** Strict parse alone. */
  @Benchmark
  public JsonNode parse() throws JsonParseException {
    return CanonicalJson.parse(statement);
  }

  /** The verifier's check of one exported line (already canonical). */
  @Benchmark
  public byte[] requireCanonical() throws JsonParseException, NotCanonicalException {
    CanonicalJson.requireCanonical(canonical);
    return canonical;
  }
}
