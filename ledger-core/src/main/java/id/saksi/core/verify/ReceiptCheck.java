package id.saksi.core.verify;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.export.ExportReader;
import id.saksi.core.export.ExportScope;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.UnverifiedNoteException;
import id.saksi.core.receipt.Receipt;
import id.saksi.core.receipt.Receipts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an agency's receipts against an export (docs/export.md, "Checking receipts"): the export
 * is verified in full, and then every receipt, signed by the log's key, must name an entry the
 * export holds at that index with that leaf hash. A receipt whose entry holds something else proves
 * that the submission was replaced or dropped; one whose index lies beyond a whole-ledger export
 * although it was recorded before the export's last entry proves the same.
 */
public final class ReceiptCheck {
  /** What became of one receipt. */
  public enum Status {
    /** The export holds the promised entry. */
    MATCHED,
    /** The export holds something else, or less than it must: the log broke its promise. */
    BROKEN,
    /** The export does not reach the receipt's entry: a newer or whole export can answer. */
    NOT_COVERED
  }

  /**
   * One receipt's result.
   *
   * @param source the file (and position in it) the receipt came from
   * @param receipt the receipt, its signature verified
   * @param status the outcome
   * @param message what was found
   */
  public record Result(String source, Receipt receipt, Status status, String message) {}

  /**
   * The export's verification and every receipt's result. If the export did not verify, the
   * receipts were not compared (an export that is not the log's proves nothing either way).
   *
   * @param export the export's verification
   * @param results one per receipt, in the order given; empty if the export did not verify
   */
  public record Report(VerificationReport export, List<Result> results) {
    /** Copies the list. */
    public Report {
      results = List.copyOf(results);
    }

    /** The receipts whose entry holds something else. */
    public List<Result> broken() {
      return results.stream().filter(r -> r.status() == Status.BROKEN).toList();
    }

    /** The receipts the export cannot answer for. */
    public List<Result> notCovered() {
      return results.stream().filter(r -> r.status() == Status.NOT_COVERED).toList();
    }
  }

  /**
   * Opens one receipt with the key the log signed it with, checking that key is trusted at the
   * receipt's entry (across rotations of the log's key, the verifier's key chain decides which).
   */
  @FunctionalInterface
  public interface ReceiptOpener {
    /**
     * The receipt {@code note}, its signature verified.
     *
     * @throws UnusableInputException if it is malformed or signed by no key trusted at its entry
     */
    Receipt open(ReceiptFiles.Note note) throws UnusableInputException;
  }

  private ReceiptCheck() {}

  /**
   * Opens every receipt with the log's key, verifies the export, and compares.
   *
   * @throws UnusableInputException if a receipt is malformed, not signed by the log's key, or of
   *     another log: it is then no evidence of anything
   */
  public static Report check(
      ExportReader reader, VerifyOptions options, List<ReceiptFiles.Note> notes)
      throws IOException, ParseException, InterruptedException {
    return check(
        reader,
        options,
        notes,
        n -> {
          try {
            return Receipts.open(n.bytes(), options.logKey(), options.origin());
          } catch (ParseException | VerificationException e) {
            throw new UnusableInputException(
                "receipt "
                    + n.source()
                    + " is not a receipt signed by the log's key: "
                    + e.getMessage()
                    + (e instanceof UnverifiedNoteException
                        ? " (a receipt signed by a log key since retired is the log's only"
                            + " through the transition notes the operator published:"
                            + " --transition)"
                        : ""),
                e);
          }
        });
  }

  /**
   * As {@link #check(ExportReader, VerifyOptions, List)}, with the receipts opened by {@code
   * opener}: receipts signed by a retired log key, before its rotation, are the log's too.
   */
  public static Report check(
      ExportReader reader,
      VerifyOptions options,
      List<ReceiptFiles.Note> notes,
      ReceiptOpener opener)
      throws IOException, ParseException, InterruptedException {
    List<Receipt> receipts = new ArrayList<>(notes.size());
    Map<Long, Hash> wanted = new HashMap<>();
    for (ReceiptFiles.Note n : notes) {
      Receipt r = opener.open(n);
      receipts.add(r);
      wanted.put(r.index(), null);
    }
    Instant[] last = new Instant[1];
    VerificationReport report =
        ExportVerifier.verify(
            reader,
            options,
            (index, leafHash, recordedAt) -> {
              if (wanted.containsKey(index)) {
                wanted.put(index, leafHash);
              }
              last[0] = recordedAt;
            });
    if (!report.failures().isEmpty()) {
      return new Report(report, List.of());
    }
    long size = report.checkpoint().orElseThrow().size();
    boolean whole = report.scope().kind() == ExportScope.Kind.LEDGER;
    List<Result> results = new ArrayList<>(receipts.size());
    for (int i = 0; i < receipts.size(); i++) {
      Receipt r = receipts.get(i);
      String source = notes.get(i).source();
      Hash found = wanted.get(r.index());
      if (found != null) {
        results.add(
            found.equals(r.leafHash())
                ? new Result(source, r, Status.MATCHED, "entry " + r.index() + " is as promised")
                : new Result(
                    source,
                    r,
                    Status.BROKEN,
                    "the log promised entry "
                        + r.index()
                        + " with leaf hash "
                        + r.leafHash()
                        + " but the ledger holds leaf hash "
                        + found
                        + " there: the submission was replaced or dropped"));
      } else if (whole
          && r.index() >= size
          && last[0] != null
          && r.recordedAt().isBefore(last[0])) {
        results.add(
            new Result(
                source,
                r,
                Status.BROKEN,
                "the log promised entry "
                    + r.index()
                    + ", recorded at "
                    + r.recordedAt()
                    + ", but its signed ledger ends at entry "
                    + (size - 1)
                    + ", recorded later at "
                    + last[0]
                    + ": the entry was dropped or the ledger rolled back"));
      } else {
        results.add(
            new Result(
                source,
                r,
                Status.NOT_COVERED,
                "entry "
                    + r.index()
                    + " is not in this export ("
                    + report.scope().describe()
                    + ", tree size "
                    + size
                    + "): check it against a newer or whole-ledger export"));
      }
    }
    return new Report(report, results);
  }
}
