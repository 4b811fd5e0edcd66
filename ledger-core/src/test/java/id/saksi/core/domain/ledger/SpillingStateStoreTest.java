package id.saksi.core.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.saksi.core.domain.Subject;
import id.saksi.core.domain.testing.CaseScript;
import id.saksi.core.domain.testing.TestLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillingStateStoreTest {
  @TempDir Path tmp;

  /** A state and its subject, as a replay stores it. */
  private record Stored(Subject subject, Object state) {}

  /**
   * Every state the replays of whole-case.jsonl (an instrument and a case to its closure) and of
   * six scripted cases produce, in ledger order.
   */
  private static List<Stored> states() throws Exception {
    List<Submission> all = new ArrayList<>(ExampleLedgerTest.wholeCase());
    List<Stored> states = new ArrayList<>();
    collect(all, states);
    TestLedger t = TestLedger.standard();
    for (int i = 0; i < 6; i++) {
      CaseScript c = new CaseScript(t, "SPILL-" + i);
      if (i % 2 == 0) {
        c.toDecidedMedium().delivered();
      } else {
        c.report().registered().verified();
      }
    }
    collect(t.history(), states);
    return states;
  }

  private static void collect(List<Submission> ledger, List<Stored> into) throws Exception {
    LedgerState replay = new LedgerState();
    for (Submission s : ledger) {
      Outcome.Accepted a = replay.apply(s).orThrow();
      if (!a.subject().equals(Subject.REGISTRY)) {
        into.add(new Stored(a.subject(), a.newState()));
      }
    }
  }

  @Test
  void get_withRoomForOne_returnsTheStateLastPut() throws Exception {
    assertReturnsLastPut(new SpillingStateStore(tmp, 1));
  }

  @Test
  void get_everySubjectWithTheSameHash_toldApartByTheSubjectInTheFile() throws Exception {
    assertReturnsLastPut(new SpillingStateStore(tmp, 1, text -> 42));
  }

  @Test
  void get_withRoomForThree_returnsTheStateLastPut() throws Exception {
    assertReturnsLastPut(new SpillingStateStore(tmp, 3));
  }

  /** Puts and gets in a random order, against a map. */
  private void assertReturnsLastPut(SpillingStateStore store) throws Exception {
    List<Stored> states = states();
    Map<Subject, Object> expected = new HashMap<>();
    List<Subject> subjects = new ArrayList<>();
    Random rnd = new Random(7);
    try (store) {
      for (Stored s : states) {
        store.put(s.subject(), s.state());
        if (expected.put(s.subject(), s.state()) == null) {
          subjects.add(s.subject());
        }
        for (int i = 0; i < 3; i++) {
          Subject any = subjects.get(rnd.nextInt(subjects.size()));
          assertThat(store.get(any)).as(any.text()).isEqualTo(expected.get(any));
        }
        assertThat(store.get(Subject.ofCase("NEVER-1"))).isNull();
        assertThat(store.size()).isEqualTo(expected.size());
      }
      Map<Subject, Object> all = new HashMap<>();
      store.forEach(all::put);
      assertThat(all).isEqualTo(expected);
      assertThat(store.spills()).isPositive();
      assertThat(store.reads()).isPositive();
      assertThat(store.fileBytes()).isPositive();
    }
    assertThat(listing()).isEmpty();
  }

  @Test
  void put_stateReadBackThenChanged_isSpilledAgainAndTheNewOneWins() throws Exception {
    List<Stored> states = states();
    Stored first =
        states.stream()
            .filter(s -> states.stream().filter(o -> o.subject().equals(s.subject())).count() > 1)
            .findFirst()
            .orElseThrow();
    Stored later =
        states.stream()
            .filter(s -> s.subject().equals(first.subject()) && s.state() != first.state())
            .reduce((a, b) -> b)
            .orElseThrow();
    Stored other =
        states.stream().filter(s -> !s.subject().equals(first.subject())).findFirst().get();
    try (SpillingStateStore store = new SpillingStateStore(tmp, 1)) {
      store.put(first.subject(), first.state());
      store.put(other.subject(), other.state()); // spills first
      assertThat(store.get(first.subject())).isEqualTo(first.state()); // spills other
      store.put(first.subject(), later.state());
      store.get(other.subject()); // spills first again, appended
      assertThat(store.spills()).isEqualTo(3);
      assertThat(store.get(first.subject())).isEqualTo(later.state());
      assertThat(store.size()).isEqualTo(2);
    }
  }

  @Test
  void get_stateReadBackUnchanged_isNotWrittenAgain() throws Exception {
    List<Stored> states = states();
    Stored a = states.get(0);
    Stored b = states.stream().filter(s -> !s.subject().equals(a.subject())).findFirst().get();
    try (SpillingStateStore store = new SpillingStateStore(tmp, 1)) {
      store.put(a.subject(), a.state());
      store.put(b.subject(), b.state());
      for (int i = 0; i < 5; i++) {
        store.get(a.subject());
        store.get(b.subject());
      }
      assertThat(store.spills()).isEqualTo(2);
    }
  }

  @Test
  void close_deletesTheFile() throws Exception {
    SpillingStateStore store = new SpillingStateStore(tmp, 1);
    for (Stored s : states()) {
      store.put(s.subject(), s.state());
    }
    assertThat(store.path()).isNotNull();
    store.close();
    store.close();
    assertThat(listing()).isEmpty();
  }

  @Test
  void withRoomForAll_writesNoFile() throws Exception {
    try (SpillingStateStore store = new SpillingStateStore(tmp, 1000)) {
      for (Stored s : states()) {
        store.put(s.subject(), s.state());
      }
      assertThat(store.path()).isNull();
      assertThat(store.fileBytes()).isZero();
    }
    assertThat(listing()).isEmpty();
  }

  @Test
  void put_notAnAggregateState_isRefused() throws Exception {
    try (SpillingStateStore store = new SpillingStateStore(tmp, 1)) {
      assertThatThrownBy(() -> store.put(Subject.ofCase("X-1"), "a string"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("not the state of an instrument, pact or case: java.lang.String");
    }
  }

  @Test
  void spilling_intoAFolderThatDoesNotExist_fails() {
    Path missing = tmp.resolve("missing");
    assertThatThrownBy(() -> StateStore.spilling(missing, 10))
        .isInstanceOf(IOException.class)
        .hasMessage(missing + " is not a directory");
  }

  @Test
  void spilling_withNoRoom_isABug() {
    assertThatThrownBy(() -> StateStore.spilling(tmp, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inMemory must be 1 or more, got 0");
  }

  private List<Path> listing() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.toList();
    }
  }
}
