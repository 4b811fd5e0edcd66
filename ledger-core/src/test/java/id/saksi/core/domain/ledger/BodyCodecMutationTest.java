package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.testing.TestLedger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded random mutations of every body in the example ledger: the codecs either read the mutated
 * body or throw {@link RecordParseException}, never anything else; and whatever parses is decided
 * without throwing.
 */
class BodyCodecMutationTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void mutatedBodies_onlyParseExceptionsEscape() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    List<JsonNode> lines = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/domain/examples/whole-case.jsonl"),
            StandardCharsets.UTF_8)) {
      lines.add(json.readTree(line));
    }
    TestLedger t = TestLedger.standard();
    Random rnd = new Random(7);
    int parsed = 0;
    int refused = 0;
    for (int round = 0; round < 3000; round++) {
      JsonNode line = lines.get(1 + rnd.nextInt(lines.size() - 1));
      if (line.get("type").stringValue().equals("catalogue.adopted") && rnd.nextInt(10) > 0) {
        continue;
      }
      JsonNode body = line.get("body").deepCopy();
      for (int m = 1 + rnd.nextInt(3); m > 0; m--) {
        body = mutate(body, rnd);
      }
      String type = line.get("type").stringValue();
      String subject = line.get("subject").stringValue();
      try {
        DomainModel.parse(type, subject, body);
        parsed++;
        Outcome o =
            t.state()
                .decide(
                    t.submission(
                        id.saksi.core.domain.validation.AgencyCode.of(
                            line.get("agency").stringValue()),
                        type,
                        subject,
                        body,
                        TestLedger.LATE));
        assertThat(o).isNotNull();
      } catch (RecordParseException e) {
        assertThat(e.getMessage()).startsWith("field \"");
        refused++;
      }
    }
    assertThat(refused).isGreaterThan(1000);
    assertThat(parsed).isGreaterThan(10);
  }

  private static JsonNode mutate(JsonNode node, Random rnd) {
    if (!node.isObject() || node.isEmpty() || rnd.nextInt(8) == 0) {
      return replacement(rnd);
    }
    ObjectNode o = (ObjectNode) node;
    List<String> names = new ArrayList<>(o.propertyNames());
    String name = names.get(rnd.nextInt(names.size()));
    switch (rnd.nextInt(6)) {
      case 0:
        o.remove(name);
        break;
      case 1:
        o.set(name, replacement(rnd));
        break;
      case 2:
        o.put("x" + rnd.nextInt(3), "unexpected");
        break;
      case 3:
        o.set(name, mutate(o.get(name), rnd));
        break;
      case 4:
        o.putNull(name);
        break;
      default:
        if (o.get(name).isArray() && !o.get(name).isEmpty()) {
          ((ArrayNode) o.get(name)).set(0, replacement(rnd));
        } else {
          o.put(name, "2024-02-30");
        }
        break;
    }
    return o;
  }

  private static JsonNode replacement(Random rnd) {
    switch (rnd.nextInt(9)) {
      case 0:
        return F.numberNode(rnd.nextLong());
      case 1:
        return F.numberNode(1.5);
      case 2:
        return F.stringNode("x".repeat(rnd.nextInt(3) * 5000));
      case 3:
        return F.arrayNode().add(F.objectNode()).add(F.nullNode());
      case 4:
        return F.objectNode().put("a", 1);
      case 5:
        return F.booleanNode(true);
      case 6:
        return F.stringNode("\u0000\n");
      case 7:
        return F.stringNode("BKN");
      default:
        return F.nullNode();
    }
  }
}
