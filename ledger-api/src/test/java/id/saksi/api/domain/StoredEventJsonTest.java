package id.saksi.api.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.api.axon.SerializationConfiguration;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * Stored events and aggregate snapshots survive Axon's Jackson 3 serializer as the service
 * configures it: every event of a whole case and of the registry reads back equal.
 */
class StoredEventJsonTest {
  private static final Serializer SERIALIZER =
      Jackson3Serializer.builder()
          .jsonMapperBuilderCustomizer(new SerializationConfiguration().axonJsonCustomizer())
          .build();

  @Test
  void everyEventOfAWholeCase_roundTrips() {
    TestLedger ledger = TestLedger.standard();
    CaseScript script = new CaseScript(ledger, "JSON-1");
    script.toDecidedMedium().delivered().inForce().served();
    DomainSteps steps = new DomainSteps(ledger);
    List<StatementRecordedEvent> all = new ArrayList<>(steps.recorded("registry"));
    all.addAll(steps.recorded(script.subject));
    assertThat(all).hasSizeGreaterThan(40);

    for (StatementRecordedEvent event : all) {
      assertThat(roundTrip(event)).isEqualTo(event);
    }
  }

  @Test
  void caseSnapshot_roundTrips() {
    TestLedger ledger = TestLedger.standard();
    CaseScript script = new CaseScript(ledger, "JSON-2");
    script.toDecidedMedium();
    CaseAggregate aggregate = new CaseAggregate();
    for (StatementRecordedEvent e : new DomainSteps(ledger).recorded(script.subject)) {
      aggregate.on(e);
    }

    assertThat(roundTrip(aggregate)).usingRecursiveComparison().isEqualTo(aggregate);
  }

  private static Object roundTrip(Object value) {
    SerializedObject<byte[]> stored = SERIALIZER.serialize(value, byte[].class);
    String json = new String(stored.getData(), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain("\"java.");
    return SERIALIZER.deserialize(stored);
  }
}
