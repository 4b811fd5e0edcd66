package id.saksi.core.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import id.saksi.core.ParseException;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.ledger.Submission;
import id.saksi.core.domain.registry.KeyNotValidException;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.domain.validation.InvalidValueException;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.json.JsonParseException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Fuzzes the domain's reading of records, {@link DomainModel#parse}, over every record type, and
 * the decision that follows: the input is strict JSON {@code {"type":..,"subject":..,"body":..}}
 * (optionally {@code agency}, {@code key}, {@code issuedAt}), as the example ledger's lines are.
 *
 * <p>Only {@link RecordParseException} escapes reading; a record that reads is decided against the
 * example ledger replayed up to its open case (recommended, not yet decided) without throwing, and
 * its signing key is looked up with only the declared exceptions.
 */
class DomainFuzzTest {
  private static final Path WHOLE_CASE =
      FuzzSeeds.RESOURCES.resolve("domain/examples/whole-case.jsonl");
  private static final Instant LATE = Instant.parse("2026-12-30T00:00:00Z");

  private static LedgerState state;
  private static final Map<AgencyCode, KeyId> KEYS = new HashMap<>();

  static Stream<Arguments> domainParseSeeds() {
    // fuzz/domain holds a body for each record type the example ledger lacks.
    return FuzzSeeds.forTarget("domain").lines(WHOLE_CASE).stream();
  }

  @MethodSource("domainParseSeeds")
  @FuzzTest
  void domainParse(byte[] input) throws Exception {
    JsonNode record;
    try {
      record = CanonicalJson.parse(input);
    } catch (JsonParseException e) {
      return;
    }
    if (!record.isObject()
        || !record.path("type").isString()
        || !record.path("subject").isString()) {
      return; // not the shape this harness reads; the JSON reader has its own fuzz test
    }
    String type = record.get("type").stringValue();
    String subject = record.get("subject").stringValue();
    JsonNode body = record.get("body");
    ParsedRecord parsed;
    try {
      parsed = DomainModel.parse(type, subject, body);
    } catch (RecordParseException e) {
      assertThat(e.getMessage()).startsWith("field \"" + e.field() + "\" ");
      return;
    }
    assertThat(parsed.type().wire()).isEqualTo(type);

    LedgerState s = openCase();
    AgencyCode agency = agency(record);
    Submission submission =
        new Submission(
            Position.of(s.lastCommitted() + 1),
            type,
            agency,
            key(record, agency),
            subject,
            issuedAt(record),
            body);
    try {
      s.signingKey(submission);
    } catch (KeyNotValidException e) {
      // an unknown or revoked key: the verifier's finding, not a crash
    }
    Outcome outcome = s.decide(submission);
    assertThat(outcome.accepted()).isEqualTo(outcome.rejection().isEmpty());
  }

  /** The example ledger up to the case's recommendation, replayed once. */
  private static synchronized LedgerState openCase() throws Exception {
    if (state == null) {
      LedgerState replay = new LedgerState();
      List<String> lines = FuzzSeeds.textLines(WHOLE_CASE);
      for (String line : lines) {
        JsonNode n = CanonicalJson.parse(line.getBytes(UTF_8));
        AgencyCode agency = AgencyCode.parse(n.get("agency").stringValue());
        KeyId key = KeyId.parse(n.get("key").stringValue());
        KEYS.putIfAbsent(agency, key);
        if (n.get("type").stringValue().equals("case.sanction-decided")) {
          break;
        }
        Submission s =
            new Submission(
                Position.of(n.get("position").longValue()),
                n.get("type").stringValue(),
                agency,
                key,
                n.get("subject").stringValue(),
                Instant.parse(n.get("issuedAt").stringValue()),
                n.get("body"));
        assertThat(replay.apply(s).rejection()).as(line).isEmpty();
      }
      state = replay;
    }
    return state;
  }

  private static AgencyCode agency(JsonNode record) {
    try {
      return AgencyCode.parse(record.path("agency").asString("BAWASLU-LAMPUNG"));
    } catch (InvalidValueException e) {
      return AgencyCode.of("BAWASLU-LAMPUNG");
    }
  }

  private static KeyId key(JsonNode record, AgencyCode agency) {
    try {
      return KeyId.parse(record.path("key").asString(""));
    } catch (ParseException e) {
      KeyId known = KEYS.get(agency);
      return known != null ? known : KEYS.get(AgencyCode.of("REGISTRAR"));
    }
  }

  private static Instant issuedAt(JsonNode record) {
    try {
      return Instant.parse(record.path("issuedAt").asString(""));
    } catch (DateTimeParseException e) {
      return LATE;
    }
  }
}
