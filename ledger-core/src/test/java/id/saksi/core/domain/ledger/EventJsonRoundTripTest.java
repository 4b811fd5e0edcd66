package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands, events and states survive a round trip through a plain Jackson 3 mapper, as an event
 * store's serializer (Axon's Jackson 3 serializer) will put them.
 */
class EventJsonRoundTripTest {
  private static final JsonMapper JSON =
      JsonMapper.builder().addModule(new DomainJacksonModule()).build();

  @Test
  void everyEventOfAWholeCase_roundTrips() throws Exception {
    TestLedger t = TestLedger.standard();
    List<Object> events = new ArrayList<>();
    CaseScript c = new CaseScript(t, "JSON-1");
    c.toDecidedMedium().delivered().inForce().served();
    LedgerState replay = new LedgerState();
    for (Submission s : t.history()) {
      Outcome.Accepted a = replay.apply(s).orThrow();
      events.addAll(a.events());
      Object state = a.newState();
      if (!(state instanceof id.saksi.core.domain.registry.RegistryState)) {
        assertThat(JSON.readValue(JSON.writeValueAsString(state), state.getClass()))
            .isEqualTo(state);
      }
    }
    for (Object e : events) {
      String json = JSON.writeValueAsString(e);
      assertThat(JSON.readValue(json, e.getClass())).as(json).isEqualTo(e);
    }
  }
}
