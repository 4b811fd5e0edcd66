package id.saksi.core.entry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.hash.Hash;
import id.saksi.core.hash.Hashing;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.NotCanonicalException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class EntryTest {
  static final KeyId KEY = KeyId.ofPublicKey(new byte[32]);
  static final KeyId OTHER =
      KeyId.ofPublicKey(
          new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
            25, 26, 27, 28, 29, 30, 31, 32
          });

  static Statement statement() throws EntryFormatException {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("form", "n.4");
    body.put("nama", "Dinas Pendidikan Kabupaten Sleman");
    return Statement.create(
        "case.reported",
        "BAWASLU-DIY",
        KEY,
        "CASE-2024-000001",
        Instant.parse("2024-10-01T08:00:00Z"),
        "AAAAAAAAAAAAAAAAAAAAAA",
        body);
  }

  static StatementSignature sig(KeyId key, int fill) {
    byte[] s = new byte[64];
    java.util.Arrays.fill(s, (byte) fill);
    return StatementSignature.of(key, s);
  }

  @Test
  void create_leafBytesAreCanonicalAndHashAsRfc6962Leaf() throws Exception {
    Entry e =
        Entry.create(
            0,
            Hash.ZERO,
            Instant.parse("2024-10-01T08:00:01.2345Z"),
            statement(),
            List.of(sig(KEY, 7)));
    byte[] leaf = e.leafBytes();
    CanonicalJson.requireCanonical(leaf);
    assertThat(new String(leaf, UTF_8))
        .startsWith(
            "{\"index\":0,\"prev\":\""
                + "0".repeat(64)
                + "\",\"recordedAt\":\"2024-10-01T08:00:01.234Z\",\"signatures\":[{\"key\":\""
                + KEY.hex()
                + "\",\"sig\":\"")
        .contains("\"statement\":{\"agency\":\"BAWASLU-DIY\",\"body\":{\"form\":\"n.4\"");
    assertThat(e.leafHash()).isEqualTo(Hashing.leafHash(leaf));
    assertThat(e.recordedAt()).isEqualTo(Instant.parse("2024-10-01T08:00:01.234Z"));
  }

  @Test
  void parse_roundTripsCreate() throws Exception {
    Entry e =
        Entry.create(
            5,
            Hashing.sha256(new byte[] {1}),
            Instant.parse("2024-10-01T08:00:01Z"),
            statement(),
            List.of(sig(KEY, 1), sig(OTHER, 2)));
    Entry back = Entry.parse(e.leafBytes());
    assertThat(back).isEqualTo(e);
    assertThat(back.index()).isEqualTo(5);
    assertThat(back.prev()).isEqualTo(e.prev());
    assertThat(back.signatures()).containsExactlyElementsOf(e.signatures());
    assertThat(back.statement()).isEqualTo(e.statement());
    assertThat(back.statement().body().get("nama").stringValue())
        .isEqualTo("Dinas Pendidikan Kabupaten Sleman");
  }

  @Test
  void parse_nonCanonicalBytes_isNotCanonicalException() throws Exception {
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    String pretty = new String(e.leafBytes(), UTF_8).replace("\"index\":0,", "\"index\": 0,");
    assertThatThrownBy(() -> Entry.parse(pretty.getBytes(UTF_8)))
        .isInstanceOf(NotCanonicalException.class);
  }

  @Test
  void parse_unknownField_namesIt() {
    String json =
        "{\"extra\":1,\"index\":0,\"prev\":\""
            + "0".repeat(64)
            + "\",\"recordedAt\":\"x\",\"signatures\":[],\"statement\":{}}";
    assertThatThrownBy(() -> Entry.parse(json.getBytes(UTF_8)))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage("/extra: is not a field of this format; remove it");
  }

  @Test
  void parse_badRecordedAt_saysTheFormat() throws Exception {
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    byte[] bad =
        new String(e.leafBytes(), UTF_8)
            .replace("1970-01-01T00:00:00.000Z", "1970-01-01T00:00:00Z")
            .getBytes(UTF_8);
    assertThatThrownBy(() -> Entry.parse(bad))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage(
            "/recordedAt: must be an RFC 3339 UTC time like 2024-10-01T08:00:00.000Z, got \"1970-01-01T00:00:00Z\"");
  }

  @Test
  void parse_recordedAtHour24_isRejected() throws Exception {
    // Instant.parse reads 24:00 as the next midnight: a second spelling of one instant.
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    byte[] bad =
        new String(e.leafBytes(), UTF_8)
            .replace("1970-01-01T00:00:00.000Z", "1969-12-31T24:00:00.000Z")
            .getBytes(UTF_8);
    assertThatThrownBy(() -> Entry.parse(bad))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage("/recordedAt: is not a real date and time: \"1969-12-31T24:00:00.000Z\"");
  }

  @Test
  void parse_issuedAtLeapSecond_isRejected() throws Exception {
    // Instant.parse reads 23:59:60 as 23:59:59: a second spelling of one instant.
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    byte[] bad =
        new String(e.leafBytes(), UTF_8)
            .replace("2024-10-01T08:00:00Z", "2016-12-31T23:59:60Z")
            .getBytes(UTF_8);
    assertThatThrownBy(() -> Entry.parse(bad))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage("/statement/issuedAt: is not a real date and time: \"2016-12-31T23:59:60Z\"");
  }

  @Test
  void parse_firstSignatureNotByStatementKey_isRejected() throws Exception {
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    byte[] bad =
        new String(e.leafBytes(), UTF_8)
            .replace(
                "\"key\":\"" + KEY.hex() + "\",\"sig\"", "\"key\":\"" + OTHER.hex() + "\",\"sig\"")
            .getBytes(UTF_8);
    assertThatThrownBy(() -> Entry.parse(bad))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage(
            "/signatures/0/key: the first signature must be by the statement's own key "
                + KEY.hex());
  }

  @Test
  void parse_statementVersionTwo_isRejected() throws Exception {
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    byte[] bad = new String(e.leafBytes(), UTF_8).replace("\"v\":1", "\"v\":2").getBytes(UTF_8);
    assertThatThrownBy(() -> Entry.parse(bad))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage("/statement/v: must be 1 (the only statement version), got 2");
  }

  @Test
  void parse_tooManySignatures_isRejected() throws Exception {
    Entry e = Entry.create(0, Hash.ZERO, Instant.EPOCH, statement(), List.of(sig(KEY, 1)));
    String one =
        "{\"key\":\"" + KEY.hex() + "\",\"sig\":\"" + sig(KEY, 1).signatureBase64() + "\"}";
    String many = String.join(",", one, one, one, one, one);
    byte[] bad =
        new String(e.leafBytes(), UTF_8).replace("[" + one + "]", "[" + many + "]").getBytes(UTF_8);
    assertThatThrownBy(() -> Entry.parse(bad))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage("/signatures: holds more than 4 signatures");
  }

  @Test
  void statement_badNonce_saysWhatIsNeeded() {
    assertThatThrownBy(
            () ->
                Statement.create(
                    "case.reported",
                    "BAWASLU",
                    KEY,
                    "C-1",
                    Instant.EPOCH,
                    "short",
                    JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage(
            "/nonce: must be 22 to 88 base64url characters (at least 128 bits), got \"short\"");
  }

  @Test
  void statement_badType_saysWhatIsNeeded() {
    assertThatThrownBy(
            () ->
                Statement.create(
                    "Reported",
                    "BAWASLU",
                    KEY,
                    "C-1",
                    Instant.EPOCH,
                    "AAAAAAAAAAAAAAAAAAAAAA",
                    JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(EntryFormatException.class)
        .hasMessage("/type: must be a record type such as \"case.reported\", got \"Reported\"");
  }

  @Test
  void statement_canonicalBytesAreSortedJcs() throws Exception {
    assertThat(new String(statement().canonicalBytes(), UTF_8))
        .isEqualTo(
            "{\"agency\":\"BAWASLU-DIY\",\"body\":{\"form\":\"n.4\",\"nama\":\"Dinas Pendidikan Kabupaten Sleman\"},"
                + "\"issuedAt\":\"2024-10-01T08:00:00Z\",\"key\":\""
                + KEY.hex()
                + "\",\"nonce\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"subject\":\"CASE-2024-000001\",\"type\":\"case.reported\",\"v\":1}");
  }
}
