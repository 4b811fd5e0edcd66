package id.saksi.api.write;

import id.saksi.api.ledger.AppendedEntry;
import id.saksi.api.problem.Problem;
import java.util.Objects;

/** What became of one submitted statement: appended (now or earlier), or refused. */
public sealed interface WriteResult permits WriteResult.Appended, WriteResult.Refused {

  /**
   * The statement is in the ledger at {@code entry}: appended by this request, or found there
   * already ({@code replayed}) because the same statement was submitted before.
   */
  record Appended(AppendedEntry entry, boolean replayed) implements WriteResult {
    /** Checks the entry. */
    public Appended {
      Objects.requireNonNull(entry, "entry");
    }
  }

  /** The statement was refused; nothing was appended for it. */
  record Refused(Problem problem) implements WriteResult {
    /** Checks the problem. */
    public Refused {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
