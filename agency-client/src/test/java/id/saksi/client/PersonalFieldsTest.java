package id.saksi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Personal values become digests in the body and disclosures beside it. */
class PersonalFieldsTest {
  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) CanonicalJson.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void commit_nestedFieldsAndArrayElements_putsEachDigestAtItsPath() throws Exception {
    ObjectNode body = json("{\"signatory\":{\"ref\":\"r\"},\"witnesses\":[]}");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("signatory.name", "Ani");
    values.put("witnesses[0]", "Budi");
    values.put("witnesses[1]", "Citra");

    List<Disclosure> ds = PersonalFields.commit(body, values, Fixtures.RANDOM, "f");

    assertThat(body.get("signatory").get("ref").asString()).isEqualTo("r");
    assertThat(body.get("signatory").get("name").asString()).isEqualTo(ds.get(0).digest().text());
    assertThat(body.get("witnesses").get(1).asString()).isEqualTo(ds.get(2).digest().text());
    assertThat(ds).extracting(Disclosure::value).containsExactly("Ani", "Budi", "Citra");
    assertThat(body.toString()).doesNotContain("Ani", "Budi", "Citra");
  }

  @Test
  void commit_arrayWithAHole_isRefused() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();

    assertThatThrownBy(
            () -> PersonalFields.commit(body, Map.of("witnesses[1]", "B"), Fixtures.RANDOM, "f"))
        .isInstanceOf(InputFormatException.class)
        .hasMessage("f: an array has no value at index 0: give every element from [0] on");
  }

  @Test
  void commit_throughAText_isRefused() throws Exception {
    ObjectNode body = json("{\"reported\":\"x\"}");

    assertThatThrownBy(
            () -> PersonalFields.commit(body, Map.of("reported.nip", "1"), Fixtures.RANDOM, "f"))
        .hasMessage(
            "f: \"reported.nip\" goes through \"reported\", which the body holds as something else"
                + " than an object or array");
  }

  @Test
  void read_notAPath_isRefused() throws Exception {
    assertThatThrownBy(() -> PersonalFields.read(json("{\"a..b\":\"x\"}"), "p.json"))
        .isInstanceOf(InputFormatException.class)
        .hasMessageStartingWith("p.json: \"a..b\" is not a field path");
  }

  @Test
  void read_valueNotText_isRefused() throws Exception {
    assertThatThrownBy(() -> PersonalFields.read(json("{\"reported.nip\":1985}"), "p.json"))
        .hasMessage("p.json: \"reported.nip\" must be a string (personal values are text)");
  }
}
