package id.saksi.core.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BigIntegerNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.FloatNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.ShortNode;

class CanonicalJsonTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // ---- RFC 8785's own examples ----

  @Test
  void canonicalize_rfc8785Section322Sample() throws Exception {
    byte[] out = CanonicalJson.canonicalize(resource("/json/rfc8785/section-3.2.2-input.json"));
    assertThat(out).isEqualTo(resource("/json/rfc8785/section-3.2.2-output.json"));
  }

  @Test
  void canonicalize_rfc8785Section324Utf8Bytes() throws Exception {
    String hex = new String(resource("/json/rfc8785/section-3.2.4-output.hex"), UTF_8);
    byte[] expected = HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    byte[] out = CanonicalJson.canonicalize(resource("/json/rfc8785/section-3.2.2-input.json"));
    assertThat(HexFormat.of().formatHex(out)).isEqualTo(HexFormat.of().formatHex(expected));
  }

  @Test
  void canonicalize_rfc8785Section323SortsByUtf16CodeUnits() throws Exception {
    byte[] out = CanonicalJson.canonicalize(resource("/json/rfc8785/section-3.2.3-input.json"));
    List<String> order = new ArrayList<>();
    CanonicalJson.parse(out).values().forEach(v -> order.add(v.stringValue()));
    // parse keeps input order, and the input here is the canonical output
    assertThat(order)
        .containsExactlyElementsOf(
            List.of(
                new String(resource("/json/rfc8785/section-3.2.3-order.txt"), UTF_8).split("\n")));
    // U+1F600 (D83D DE00) before U+FB33: code units, not code points
    assertThat(new String(out, UTF_8))
        .isEqualTo(
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
  }

  // ---- The reference implementation's published test data ----

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalize_referenceTestdata(String name) throws Exception {
    byte[] input = resource("/json/cyberphone/input/" + name + ".json");
    byte[] output = resource("/json/cyberphone/output/" + name + ".json");
    String outhex = new String(resource("/json/cyberphone/outhex/" + name + ".txt"), UTF_8);

    byte[] canonical = CanonicalJson.canonicalize(input);

    assertThat(canonical).isEqualTo(output);
    assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(outhex.replaceAll("\\s", ""));
    CanonicalJson.requireCanonical(output);
    assertThat(CanonicalJson.canonicalize(output)).isEqualTo(output);
    assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(input))).isEqualTo(output);
    assertThatThrownBy(() -> CanonicalJson.requireCanonical(input))
        .isInstanceOf(NotCanonicalException.class);
  }

  // ---- Numbers in trees ----

  @Test
  void parse_integralNumbersUpTo2pow53_areLongs() throws Exception {
    JsonNode tree =
        parse(
            "[1, 1.0, 1e0, 10E-1, -0, -0.0, 9007199254740992, -9007199254740992,"
                + " 9007199254740993, 1e2]");
    assertThat(tree.values())
        .allSatisfy(n -> assertThat(n).isInstanceOf(LongNode.class))
        .extracting(JsonNode::longValue)
        .containsExactly(
            1L, 1L, 1L, 1L, 0L, 0L, 9007199254740992L, -9007199254740992L, 9007199254740992L, 100L);
  }

  @Test
  void parse_otherNumbers_areNearestDoubles() throws Exception {
    JsonNode tree =
        parse("[1.5, 9007199254740994, 123456789012345678901234567890, 1e300, 0.1, 1e-400]");
    assertThat(tree.get(0)).isEqualTo(DoubleNode.valueOf(1.5));
    assertThat(tree.get(1)).isEqualTo(DoubleNode.valueOf(9007199254740994.0));
    assertThat(tree.get(2)).isEqualTo(DoubleNode.valueOf(1.2345678901234568e29));
    assertThat(tree.get(3)).isEqualTo(DoubleNode.valueOf(1e300));
    assertThat(tree.get(4)).isEqualTo(DoubleNode.valueOf(0.1));
    // below the smallest subnormal: rounds to zero, as JSON.parse does
    assertThat(tree.get(5)).isEqualTo(LongNode.valueOf(0));
  }

  @Test
  void canonicalize_numberSpellingsOfOneValue_agree() throws Exception {
    assertThat(canon("[1, 1.0, 1e0, 10e-1, 0.1e1, 1.00000000000000000000001]"))
        .isEqualTo("[1,1,1,1,1,1]");
    assertThat(canon("[-0, -0.0, 0e10, -0e-10]")).isEqualTo("[0,0,0,0]");
    assertThat(canon("[9007199254740993, 9007199254740992.5, 9.007199254740993e15]"))
        .isEqualTo("[9007199254740992,9007199254740992,9007199254740992]");
  }

  @Test
  void canonicalize_treeNumbersOfEveryNodeType() {
    ArrayNode tree = NODES.arrayNode();
    tree.add(IntNode.valueOf(-7));
    tree.add(ShortNode.valueOf((short) 12));
    tree.add(LongNode.valueOf(Long.MAX_VALUE));
    tree.add(BigIntegerNode.valueOf(BigInteger.ONE.shiftLeft(64)));
    tree.add(DecimalNode.valueOf(new BigDecimal("0.1000")));
    tree.add(FloatNode.valueOf(0.1f));
    tree.add(DoubleNode.valueOf(-0.0));
    tree.add(DoubleNode.valueOf(1e21));
    assertThat(new String(CanonicalJson.canonicalize(tree), UTF_8))
        .isEqualTo(
            "[-7,12,9223372036854776000,18446744073709552000,0.1,0.10000000149011612,0,1e+21]");
  }

  @Test
  void canonicalize_treeWithNaN_isAProgrammingError() {
    ObjectNode tree = NODES.objectNode().put("a", Double.NaN);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write the number NaN as JSON: JSON numbers are finite doubles");
  }

  @Test
  void canonicalize_treeWithInfinity_isAProgrammingError() {
    ArrayNode tree = NODES.arrayNode().add(Double.NEGATIVE_INFINITY);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write the number -Infinity as JSON: JSON numbers are finite doubles");
  }

  @Test
  void canonicalize_treeWithDecimalBeyondDoubleRange_isAProgrammingError() {
    ArrayNode tree = NODES.arrayNode().add(DecimalNode.valueOf(new BigDecimal("1E+400")));
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write the number 1E+400 as JSON: JSON numbers are finite doubles");
  }

  @Test
  void canonicalize_treeWithLoneSurrogate_isAProgrammingError() {
    ObjectNode tree = NODES.objectNode().put("k", "ab\ud800");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(tree))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot write a string with a lone surrogate U+D800 at index 2 as JSON:"
                + " it is not Unicode text");
    ObjectNode key = NODES.objectNode().put("\udc00", 1);
    assertThatThrownBy(() -> CanonicalJson.canonicalize(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lone surrogate U+DC00 at index 0");
  }

  @Test
  void canonicalize_treeWithNodesJsonCannotHold_isAProgrammingError() {
    assertThatThrownBy(
            () ->
                CanonicalJson.canonicalize(NODES.arrayNode().add(BinaryNode.valueOf(new byte[1]))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write a BINARY node as JSON: it has no JSON form");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.pojoNode(new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write a POJO node as JSON: it has no JSON form");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(MissingNode.getInstance()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write a MISSING node as JSON: it has no JSON form");
  }

  @Test
  void canonicalize_treeOfInsertionOrder_sortsKeysAtEveryLevel() {
    ObjectNode tree = NODES.objectNode();
    tree.put("b", 1).put("a", "x").putObject("c").put("z", true).put("y", false).putNull("\u00e9");
    tree.putArray("aa").addObject().put("2", 2).put("10", 10);
    assertThat(new String(CanonicalJson.canonicalize(tree), UTF_8))
        .isEqualTo(
            "{\"a\":\"x\",\"aa\":[{\"10\":10,\"2\":2}],\"b\":1,"
                + "\"c\":{\"y\":false,\"z\":true,\"\u00e9\":null}}");
  }

  @Test
  void canonicalize_largeObject_sortsKeysByUtf16CodeUnits() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    String[] parts = {"a", "B", "1", "\u00e9", "\u20ac", "\ud83d\ude00", "\ufb33", "\uffff", "_"};
    ObjectNode tree = NODES.objectNode();
    while (tree.size() < 300) {
      StringBuilder key = new StringBuilder();
      for (int i = random.nextInt(1, 5); i > 0; i--) {
        key.append(parts[random.nextInt(parts.length)]);
      }
      tree.put(key.toString(), tree.size());
    }
    List<String> expected = new ArrayList<>(tree.propertyNames());
    expected.sort(
        (a, b) ->
            java.util.Arrays.compareUnsigned(
                a.getBytes(java.nio.charset.StandardCharsets.UTF_16BE),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_16BE)));

    JsonNode written = reparse(CanonicalJson.canonicalize(tree));

    assertThat(new ArrayList<>(written.propertyNames())).isEqualTo(expected);
    expected.forEach(
        k -> assertThat(written.get(k).longValue()).isEqualTo(tree.get(k).longValue()));
  }

  // ---- Strings ----

  @Test
  void canonicalize_escapesOnlyWhatRfc8785Requires() throws Exception {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    all.append("\u0080\u009f\u00a0\u2028\u2029\ufeff\uffff\ud83d\ude00\udbff\udfff");
    byte[] out = CanonicalJson.canonicalize(NODES.stringNode(all.toString()));
    String expected =
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r"
            + "\\u000e\\u000f\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018"
            + "\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
            + " !\\\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\\\]^_"
            + "`abcdefghijklmnopqrstuvwxyz{|}~\u007f"
            + "\u0080\u009f\u00a0\u2028\u2029\ufeff\uffff\ud83d\ude00\udbff\udfff\"";
    assertThat(new String(out, UTF_8)).isEqualTo(expected);
    assertThat(out).isEqualTo(expected.getBytes(UTF_8));
    // and the same string read from escapes of every kind gives the same bytes
    assertThat(CanonicalJson.canonicalize(out)).isEqualTo(out);
  }

  @Test
  void canonicalize_questionMarks_areNotTakenForSurrogates() {
    assertThat(new String(CanonicalJson.canonicalize(NODES.stringNode("?a?\u00e9?")), UTF_8))
        .isEqualTo("\"?a?\u00e9?\"");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.stringNode("??\ud800")))
        .hasMessageContaining("lone surrogate U+D800 at index 2");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.stringNode("\udfff?\u00e9")))
        .hasMessageContaining("lone surrogate U+DFFF at index 0");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.stringNode("\n\ud800")))
        .hasMessageContaining("lone surrogate U+D800 at index 1");
    // the same for strings long enough to take the writer's other path
    String x = "x".repeat(40);
    assertThat(new String(CanonicalJson.canonicalize(NODES.stringNode(x + "?\u00e9?\"")), UTF_8))
        .isEqualTo("\"" + x + "?\u00e9?\\\"\"");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.stringNode(x + "??\ud800")))
        .hasMessageContaining("lone surrogate U+D800 at index 42");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.stringNode(x + "\udfff?\u00e9")))
        .hasMessageContaining("lone surrogate U+DFFF at index 40");
    assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.stringNode(x + "\n\ud800")))
        .hasMessageContaining("lone surrogate U+D800 at index 41");
  }

  @Test
  void canonicalize_unescapesEverythingElse() throws Exception {
    assertThat(canon("\"\\u0041\\/\\u00E9\\u20AC\\uD83D\\uDE00\\u007F\\u2028\""))
        .isEqualTo("\"A/\u00e9\u20ac\ud83d\ude00\u007f\u2028\"");
  }

  @Test
  void canonicalize_removesWhiteSpaceOnly() throws Exception {
    assertThat(canon(" \t\r\n{ \"a b\" :\t[ 1 ,\r\n\"c d\" ] } \n"))
        .isEqualTo("{\"a b\":[1,\"c d\"]}");
    assertThat(canon("[true,false,null,{},[],\"\"]")).isEqualTo("[true,false,null,{},[],\"\"]");
  }

  @Test
  void canonicalize_scalarsAtTopLevel() throws Exception {
    assertThat(canon("\"x\"")).isEqualTo("\"x\"");
    assertThat(canon(" 1E3 ")).isEqualTo("1000");
    assertThat(canon("null")).isEqualTo("null");
  }

  // ---- Depth ----

  @Test
  void parse_nestingAtTheBound_isAccepted() throws Exception {
    String ok = "[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH);
    assertThat(canon(ok)).isEqualTo(ok);
    String objects = "{\"a\":".repeat(CanonicalJson.MAX_DEPTH) + "1" + "}".repeat(64);
    assertThat(canon(objects)).isEqualTo(objects);
  }

  @Test
  void parse_nestingBeyondTheBound_namesTheBracket() {
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(JsonParseException.class)
        .hasMessage("arrays and objects nested more than 64 deep at line 1, column 65 (byte 64)");
    String objects = "{\"a\":".repeat(64) + "{}" + "}".repeat(64);
    assertThatThrownBy(() -> parse(objects))
        .isInstanceOf(JsonParseException.class)
        .hasMessage("arrays and objects nested more than 64 deep at line 1, column 321 (byte 320)");
  }

  @Test
  void parse_absurdNesting_failsWithoutExhaustingTheStack() {
    String deep = "[".repeat(1_000_000);
    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(JsonParseException.class)
        .hasMessage("arrays and objects nested more than 64 deep at line 1, column 65 (byte 64)");
  }

  @Test
  void canonicalize_treeNestedBeyondTheBound_isAProgrammingError() {
    ArrayNode root = NODES.arrayNode();
    ArrayNode inner = root;
    for (int i = 1; i < CanonicalJson.MAX_DEPTH; i++) {
      inner = inner.addArray();
    }
    assertThat(CanonicalJson.canonicalize(root)).hasSize(2 * CanonicalJson.MAX_DEPTH);
    inner.addArray();
    assertThatThrownBy(() -> CanonicalJson.canonicalize(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree nested more than 64 deep: its JSON could not be read");
  }

  // ---- Errors carry their position ----

  @Test
  void parse_error_carriesPositionAsFields() {
    JsonParseException e =
        catchThrowableOfType(
            JsonParseException.class,
            () -> CanonicalJson.parse("{\"\u00e9\":1,\n  \"\u00e9\":2}".getBytes(UTF_8)));
    assertThat(e.problem()).isEqualTo("duplicate key \"\u00e9\"");
    assertThat(e.byteOffset()).isEqualTo(11);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e).hasMessage("duplicate key \"\u00e9\" at line 2, column 3 (byte 11)");
  }

  @Test
  void parse_longKeysAndNumbers_areCutInMessages() {
    String key = "k".repeat(100);
    assertThatThrownBy(() -> parse("{\"" + key + "\":1,\"" + key + "\":2}"))
        .hasMessage(
            "duplicate key \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...\" at line 1, column 107"
                + " (byte 106)");
    String number = "1".repeat(400);
    assertThatThrownBy(() -> parse("[" + number + "]"))
        .hasMessage(
            "number 1111111111111111111111111111111111111... is beyond the range of a double"
                + " (largest 1.7976931348623157e+308) at line 1, column 2 (byte 1)");
    assertThatThrownBy(() -> parse("[" + "1".repeat(1001) + "]"))
        .hasMessage("number longer than 1000 characters at line 1, column 2 (byte 1)");
  }

  @Test
  void parse_controlCharactersInKeys_areEscapedInMessages() {
    assertThatThrownBy(() -> parse("{\"a\\n\\\"\":1,\"a\\u000a\\u0022\":2}"))
        .hasMessage("duplicate key \"a\\u000a\\\"\" at line 1, column 12 (byte 11)");
  }

  // ---- requireCanonical ----

  @Test
  void requireCanonical_canonicalInput_passes() throws Exception {
    CanonicalJson.requireCanonical(
        "{\"a\":[1,2.5,\"\u00e9\\n\"],\"b\":{\"c\":null}}".getBytes(UTF_8));
  }

  @Test
  void requireCanonical_keysOutOfOrder_namesFirstDifference() {
    NotCanonicalException e = notCanonical("{\"b\":1,\"a\":2}");
    assertThat(e.byteOffset()).isEqualTo(2);
    assertThat(e.expectedExcerpt()).isEqualTo("`{\"a\":2,\"b\":1}`(end)");
    assertThat(e.actualExcerpt()).isEqualTo("`{\"b\":1,\"a\":2}`(end)");
    assertThat(e)
        .hasMessage(
            "not in canonical form: first difference at byte 2, expected `{\"a\":2,\"b\":1}`(end)"
                + " but got `{\"b\":1,\"a\":2}`(end)");
  }

  @Test
  void requireCanonical_trailingNewline_isADifference() {
    assertThat(notCanonical("{\"a\":1}\n"))
        .hasMessage(
            "not in canonical form: first difference at byte 7, expected `{\"a\":1}`(end)"
                + " but got `{\"a\":1}\\n`(end)");
  }

  @Test
  void requireCanonical_numberSpelling_isADifference() {
    assertThat(notCanonical("[1.0]"))
        .hasMessage(
            "not in canonical form: first difference at byte 2, expected `[1]`(end)"
                + " but got `[1.0]`(end)");
  }

  @Test
  void requireCanonical_unneededEscape_isADifference() {
    assertThat(notCanonical("[\"\\u00e9\"]"))
        .hasMessage(
            "not in canonical form: first difference at byte 2, expected `[\"\u00e9\"]`(end)"
                + " but got `[\"\\u00e9\"]`(end)");
  }

  @Test
  void requireCanonical_longInput_showsOnlyAroundTheDifference() {
    String value = "x".repeat(60);
    assertThat(notCanonical("{\"a\":1,\"b\":[1,2,3],\"c\":\"" + value + "\", \"d\":1}"))
        .hasMessage(
            "not in canonical form: first difference at byte 86, expected"
                + " ...`xxxxxxxxxx\",\"d\":1}`(end) but got ...`xxxxxxxxxx\", \"d\":1}`(end)");
    NotCanonicalException e = notCanonical("[\"" + value + value + "\" ]");
    assertThat(e.byteOffset()).isEqualTo(123);
    NotCanonicalException early = notCanonical("[ \"" + value + "\"]");
    assertThat(early.expectedExcerpt()).isEqualTo("`[\"xxxxxxxxxxxxxxxxxxxxxxx`...");
    assertThat(early.actualExcerpt()).isEqualTo("`[ \"xxxxxxxxxxxxxxxxxxxxxx`...");
  }

  @Test
  void requireCanonical_excerptsNeverSplitACharacter() {
    // 12 bytes before the difference falls on the last byte of the fourth euro sign (3 bytes
    // each): the excerpt starts at the fifth.
    String euros = "\u20ac".repeat(7);
    NotCanonicalException e = notCanonical("[\"" + euros + "\", 1]");
    assertThat(e.byteOffset()).isEqualTo(25);
    assertThat(e.expectedExcerpt()).isEqualTo("...`" + euros.substring(3) + "\",1]`(end)");
    assertThat(e.actualExcerpt()).isEqualTo("...`" + euros.substring(3) + "\", 1]`(end)");
  }

  @Test
  void requireCanonical_invalidJson_isAParseError() {
    assertThatThrownBy(() -> CanonicalJson.requireCanonical("{\"a\":1,\"a\":1}".getBytes(UTF_8)))
        .isInstanceOf(JsonParseException.class)
        .hasMessage("duplicate key \"a\" at line 1, column 8 (byte 7)");
  }

  private static NotCanonicalException notCanonical(String json) {
    return catchThrowableOfType(
        NotCanonicalException.class, () -> CanonicalJson.requireCanonical(json.getBytes(UTF_8)));
  }

  private static JsonNode reparse(byte[] json) {
    try {
      return CanonicalJson.parse(json);
    } catch (JsonParseException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode parse(String json) throws JsonParseException {
    return CanonicalJson.parse(json.getBytes(UTF_8));
  }

  private static String canon(String json) throws JsonParseException {
    return new String(CanonicalJson.canonicalize(json.getBytes(UTF_8)), UTF_8);
  }

  static byte[] resource(String path) throws IOException {
    try (InputStream in = CanonicalJsonTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }
}
