package id.saksi.core.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.ledger.LedgerState;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.StateStore;
import id.saksi.core.domain.ledger.Submission;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One ledger replayed twice side by side: every state on the heap, and every state spilled to a
 * file as soon as another is used ({@link StateStore#spilling} with room for one). Each step
 * asserts that both decide exactly alike: the same acceptance, events and new state, or the same
 * rejection with the same message.
 */
public final class TwinReplay implements AutoCloseable {
  private final LedgerState heap = new LedgerState();
  private final LedgerState spilled;

  /** Two empty replays, the spilling one with its file in {@code dir}. */
  public TwinReplay(Path dir) throws IOException {
    spilled = new LedgerState(StateStore.spilling(dir, 1));
  }

  /** Applies {@code s} to both; returns the outcome, the same in both. */
  public Outcome apply(Submission s) throws RecordParseException {
    Outcome a = heap.apply(s);
    Outcome b = spilled.apply(s);
    assertSame(s, a, b);
    return a;
  }

  /** Decides {@code s} in both, changing nothing; returns the outcome, the same in both. */
  public Outcome decide(Submission s) throws RecordParseException {
    Outcome a = heap.decide(s);
    Outcome b = spilled.decide(s);
    assertSame(s, a, b);
    return a;
  }

  /** The replay that keeps every state on the heap. */
  public LedgerState heap() {
    return heap;
  }

  /** The replay that spills. */
  public LedgerState spilled() {
    return spilled;
  }

  /** Both replays hold the same registry and the same state of every aggregate. */
  public void assertSameStates() {
    assertThat(spilled.registry()).isEqualTo(heap.registry());
    assertThat(spilled.aggregateCount()).isEqualTo(heap.aggregateCount());
    assertThat(spilled.aggregates()).isEqualTo(heap.aggregates());
  }

  private static void assertSame(Submission s, Outcome a, Outcome b) {
    String what = s.type() + " on " + s.subject() + " at " + s.position();
    assertThat(b.accepted()).as(what).isEqualTo(a.accepted());
    if (a instanceof Outcome.Accepted) {
      Outcome.Accepted x = (Outcome.Accepted) a;
      Outcome.Accepted y = (Outcome.Accepted) b;
      assertThat(y.position()).as(what).isEqualTo(x.position());
      assertThat(y.subject()).as(what).isEqualTo(x.subject());
      assertThat(y.events()).as(what).isEqualTo(x.events());
      assertThat(y.newState()).as(what).isEqualTo(x.newState());
    } else {
      assertThat(b.rejection()).as(what).isEqualTo(a.rejection());
      assertThat(b.rejection().orElseThrow().message())
          .as(what)
          .isEqualTo(a.rejection().orElseThrow().message());
    }
  }

  @Override
  public void close() {
    heap.close();
    spilled.close();
  }
}
