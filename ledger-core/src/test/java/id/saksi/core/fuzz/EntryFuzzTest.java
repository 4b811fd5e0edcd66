package id.saksi.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.EntryFormatException;
import id.saksi.core.entry.Statement;
import id.saksi.core.entry.Timestamps;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import id.saksi.core.json.NotCanonicalException;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes the entry layer: {@link Entry#parse} on leaf bytes (what the verifier reads from an
 * export) and {@link Statement#fromTree} on any strict JSON (what the service reads from an
 * agency), each followed by the domain's reading of the statement.
 *
 * <p>Only the documented parse exceptions escape. What parses is stable: an entry rebuilt from its
 * parsed fields with {@link Entry#create} has exactly the input's bytes, a statement's signed bytes
 * are the canonical form of its tree, and a time reads as the instant it spells (one spelling per
 * instant).
 */
class EntryFuzzTest {
  static Stream<Arguments> entryParseSeeds() {
    return FuzzSeeds.forTarget("entry").lines(FuzzSeeds.EXAMPLE.resolve("entries.jsonl")).stream();
  }

  @MethodSource("entryParseSeeds")
  @FuzzTest
  void entryParse(byte[] input) throws Exception {
    Entry entry;
    try {
      entry = Entry.parse(input);
    } catch (JsonParseException | NotCanonicalException | EntryFormatException e) {
      return;
    }
    assertThat(entry.leafBytes()).isEqualTo(input);
    assertThat(entry.leafHash()).isEqualTo(Hashing.leafHash(input));
    Entry rebuilt =
        Entry.create(
            entry.index(), entry.prev(), entry.recordedAt(), entry.statement(), entry.signatures());
    assertThat(rebuilt.leafBytes()).isEqualTo(input);
    checkStatement(entry.statement());
  }

  static Stream<Arguments> statementSeeds() throws Exception {
    FuzzSeeds seeds =
        FuzzSeeds.forTarget("statement").file(FuzzSeeds.EXAMPLE.resolve("statement-1.json"));
    for (String line : FuzzSeeds.textLines(FuzzSeeds.EXAMPLE.resolve("entries.jsonl"))) {
      JsonNode statement =
          CanonicalJson.parse(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      seeds.add(
          "statement of " + line.substring(0, 10),
          CanonicalJson.canonicalize(statement.get("statement")));
    }
    // The example ledger's records (the domain fixture has no envelope): each made a statement.
    int n = 0;
    for (String line :
        FuzzSeeds.textLines(FuzzSeeds.RESOURCES.resolve("domain/examples/whole-case.jsonl"))) {
      ObjectNode record =
          (ObjectNode) CanonicalJson.parse(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      record.remove("position");
      record.put("v", 1);
      record.put("nonce", "bm9uY2Utb2YtdGhlLWV4YW1wbGUtbGVkZ2Vy" + n);
      seeds.add("whole-case statement " + n++, CanonicalJson.canonicalize(record));
    }
    return seeds.stream();
  }

  @MethodSource("statementSeeds")
  @FuzzTest
  void statementFromTree(byte[] input) throws Exception {
    JsonNode tree;
    Statement statement;
    try {
      tree = CanonicalJson.parse(input);
      statement = Statement.fromTree(tree, "");
    } catch (JsonParseException | EntryFormatException e) {
      return;
    }
    assertThat(statement.canonicalBytes()).isEqualTo(CanonicalJson.canonicalize(tree));
    checkStatement(statement);
  }

  private static void checkStatement(Statement statement) throws Exception {
    Statement reread =
        Statement.fromTree(CanonicalJson.parse(statement.canonicalBytes()), "/statement");
    assertThat(reread).isEqualTo(statement);
    assertThat(reread.canonicalBytes()).isEqualTo(statement.canonicalBytes());
    // The time as written names the instant it was read as: no second spelling of one instant.
    String written = statement.toTree().get("issuedAt").stringValue();
    String spelled = DateTimeFormatter.ISO_INSTANT.format(statement.issuedAt());
    assertThat(written.substring(0, 19)).isEqualTo(spelled.substring(0, 19));
    assertThat(Timestamps.millis(statement.issuedAt())).startsWith(written.substring(0, 19));
    try {
      DomainModel.parse(statement.type(), statement.subject(), statement.body());
    } catch (RecordParseException e) {
      assertThat(e.getMessage()).startsWith("field \"");
    }
  }
}
