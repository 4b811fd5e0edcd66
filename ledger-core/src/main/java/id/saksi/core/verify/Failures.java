package id.saksi.core.verify;

import java.util.ArrayList;
import java.util.List;

/** The failures of one verification, collected up to a limit; reaching it stops the run. */
final class Failures {
  private final int limit;
  private final List<Failure> list = new ArrayList<>();
  private long count;

  Failures(int limit) {
    this.limit = limit;
  }

  /**
   * Records {@code f}.
   *
   * @throws Sequencer.Stop if this was the last failure the run may collect
   */
  void add(Failure f) throws Sequencer.Stop {
    count++;
    if (list.size() < limit) {
      list.add(f);
    }
    if (list.size() >= limit) {
      throw new Sequencer.Stop();
    }
  }

  List<Failure> list() {
    return list;
  }

  long count() {
    return count;
  }

  boolean isEmpty() {
    return count == 0;
  }
}
