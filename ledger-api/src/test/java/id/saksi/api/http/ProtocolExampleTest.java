package id.saksi.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.support.Bodies;
import id.saksi.api.support.Submissions;
import id.saksi.core.crypto.Ed25519PrivateKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.Statements;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.note.NoteSigner;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/protocol.md is what the code produces: every value the document quotes
 * (keys, canonical bytes, signature, request, entry, leaf hash, receipt) is recomputed here from
 * the seeds the document gives, and must appear in it verbatim. Run it after editing the example; a
 * failure prints the values.
 */
class ProtocolExampleTest {
  static final String ORIGIN = "localhost/saksi";

  static Map<String, String> example() throws Exception {
    Map<String, String> v = new LinkedHashMap<>();
    byte[] seed = Hashing.sha256("key:PEMKOT-METRO#1".getBytes(StandardCharsets.US_ASCII)).bytes();
    Ed25519PrivateKey agencyKey = Ed25519PrivateKey.fromSeed(seed);
    v.put("seed", Hash.of(seed).hex());
    v.put("publicKey", agencyKey.publicKey().base64());
    v.put("keyId", KeyId.of(agencyKey.publicKey()).hex());
    Statement statement =
        Statement.create(
            "instrument.issued",
            "PEMKOT-METRO",
            KeyId.of(agencyKey.publicKey()),
            "instrument/METRO-SE-005-1446-2023",
            Instant.parse("2023-02-07T02:00:00Z"),
            "n6Bq0v3Vd1Kk2Yc7W9pLrA",
            Bodies.circular("005/1446/B-06/2023"));
    v.put("canonical", new String(statement.canonicalBytes(), StandardCharsets.UTF_8));
    v.put("statementHash", Hashing.sha256(statement.canonicalBytes()).hex());
    StatementSignature signature = Statements.sign(statement, agencyKey);
    v.put("sig", signature.signatureBase64());
    v.put(
        "request",
        new String(
            Submissions.of(statement, List.of(signature), List.of()).bytes(),
            StandardCharsets.UTF_8));
    Hash prev = Hashing.sha256("the entry before".getBytes(StandardCharsets.US_ASCII));
    v.put("prev", prev.hex());
    Entry entry =
        Entry.create(
            57, prev, Instant.parse("2023-02-07T02:00:01.234Z"), statement, List.of(signature));
    v.put("entry", new String(entry.leafBytes(), StandardCharsets.UTF_8));
    v.put("leafHash", entry.leafHash().hex());
    byte[] logSeed = Hashing.sha256("key:example-log".getBytes(StandardCharsets.US_ASCII)).bytes();
    NoteSigner log = NoteSigner.of(ORIGIN, Ed25519PrivateKey.fromSeed(logSeed));
    v.put("logSeed", Hash.of(logSeed).hex());
    v.put("logVkey", log.verifierKey().encode());
    v.put(
        "receipt",
        new String(Receipts.sign(Receipt.forEntry(ORIGIN, entry), log), StandardCharsets.UTF_8));
    return v;
  }

  @Test
  void protocolDocument_quotesWhatTheCodeProduces() throws Exception {
    Path doc = Path.of("").toAbsolutePath().resolve("../../docs/protocol.md").normalize();
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    Map<String, String> example = example();
    // Every value, for whoever edits the document: target/protocol-example.txt.
    StringBuilder all = new StringBuilder();
    example.forEach((k, value) -> all.append(k).append(":\n").append(value).append("\n\n"));
    Files.writeString(Path.of("protocol-example.txt"), all, StandardCharsets.UTF_8);
    for (Map.Entry<String, String> e : example.entrySet()) {
      assertThat(text)
          .as("docs/protocol.md quotes %s (see target/protocol-example.txt)", e.getKey())
          .contains(e.getValue());
    }
    // The receipt also appears as a JSON string in the example response.
    assertThat(text).contains(example.get("receipt").replace("\n", "\\n"));
  }
}
