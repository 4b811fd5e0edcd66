package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseStatus;
import id.saksi.core.domain.caseflow.ClosureReason;
import id.saksi.core.domain.instrument.InstrumentStatus;
import id.saksi.core.domain.testing.TwinReplay;
import id.saksi.core.domain.validation.AgencyCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The example ledger under src/test/resources/domain/examples replays to the expected states. */
class ExampleLedgerTest {
  @TempDir Path tmp;

  @Test
  void wholeCase_replaysAlikeWithEveryStateSpilled() throws Exception {
    try (TwinReplay twin = new TwinReplay(tmp)) {
      for (Submission s : wholeCase()) {
        assertThat(twin.apply(s).rejection()).as(s.type()).isEmpty();
      }
      twin.assertSameStates();
      assertThat(
              twin.spilled()
                  .caseState(Subject.ofCase("LPG-2024-0001"))
                  .orElseThrow()
                  .closure()
                  .orElseThrow()
                  .reason())
          .isEqualTo(ClosureReason.SERVED);
    }
  }

  /** The submissions of whole-case.jsonl, in order. */
  static List<Submission> wholeCase() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    List<Submission> all = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/domain/examples/whole-case.jsonl"),
            StandardCharsets.UTF_8)) {
      JsonNode n = json.readTree(line);
      all.add(
          new Submission(
              Position.of(n.get("position").longValue()),
              n.get("type").stringValue(),
              AgencyCode.parse(n.get("agency").stringValue()),
              KeyId.parse(n.get("key").stringValue()),
              n.get("subject").stringValue(),
              Instant.parse(n.get("issuedAt").stringValue()),
              n.get("body")));
    }
    return all;
  }

  @Test
  void wholeCase_replaysLegallyToItsClosure() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    List<String> lines =
        Files.readAllLines(
            Path.of("src/test/resources/domain/examples/whole-case.jsonl"), StandardCharsets.UTF_8);
    LedgerState state = new LedgerState();
    for (String line : lines) {
      JsonNode n = json.readTree(line);
      Submission s =
          new Submission(
              Position.of(n.get("position").longValue()),
              n.get("type").stringValue(),
              AgencyCode.parse(n.get("agency").stringValue()),
              KeyId.parse(n.get("key").stringValue()),
              n.get("subject").stringValue(),
              Instant.parse(n.get("issuedAt").stringValue()),
              n.get("body"));
      assertThat(KeyId.of(state.signingKey(s))).isEqualTo(s.key());
      assertThat(state.apply(s).rejection()).as(line).isEmpty();
    }

    assertThat(lines).hasSize(45);
    assertThat(state.caseState(Subject.ofCase("LPG-2024-0001")).orElseThrow().status())
        .isEqualTo(CaseStatus.CLOSED);
    assertThat(
            state
                .caseState(Subject.ofCase("LPG-2024-0001"))
                .orElseThrow()
                .closure()
                .orElseThrow()
                .reason())
        .isEqualTo(ClosureReason.SERVED);
    assertThat(
            state
                .instrumentState(Subject.ofInstrument("METRO-SE-005-1446-2023"))
                .orElseThrow()
                .status())
        .isEqualTo(InstrumentStatus.IN_FORCE);
  }
}
