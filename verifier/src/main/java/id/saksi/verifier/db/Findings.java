package id.saksi.verifier.db;

import id.saksi.core.verify.Failure;
import java.util.ArrayList;
import java.util.List;

/** The failures the database's own checks find, kept up to a limit and counted beyond it. */
final class Findings {
  private final int limit;
  private final List<Failure> kept = new ArrayList<>();
  private long count;

  Findings(int limit) {
    this.limit = limit;
  }

  void add(Failure f) {
    count++;
    if (kept.size() < limit) {
      kept.add(f);
    }
  }

  /** Whether the limit is reached: a check may stop looking. */
  boolean full() {
    return kept.size() >= limit;
  }

  List<Failure> list() {
    return kept;
  }

  long count() {
    return count;
  }
}
