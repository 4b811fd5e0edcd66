package id.saksi.core.verify;

import id.saksi.core.export.ExportScope;
import id.saksi.core.hash.Hash;
import id.saksi.core.note.Checkpoint;
import id.saksi.core.note.NoteVerifierKey;
import java.util.List;
import java.util.Optional;

/**
 * What a verification checked and what it found: the key and checkpoint it trusted, what the export
 * covers, how much was checked, and every failure up to the limit it was asked for. An empty
 * failure list is the only valid verdict; {@link #requireValid()} turns anything else into an
 * exception for callers that want one.
 *
 * @param logKey the log's verifier key the checkpoint was opened with
 * @param checkpoint the checkpoint as read (its signature verified unless a {@link
 *     Check#CHECKPOINT} failure says otherwise); empty if it could not be read at all
 * @param scope what the export says it covers
 * @param counts how much was checked
 * @param since the older checkpoint given to check consistency with, if any
 * @param consistencyProof the RFC 9162 consistency proof from {@code since} to {@code checkpoint},
 *     computed from the entries (whole-ledger exports only)
 * @param failures the failures found, in the order found (ascending entry index, then the checks of
 *     the whole), at most the limit asked for
 * @param failureCount how many failures were found in all; more than {@code failures.size()} if the
 *     list was cut at the limit
 * @param stoppedEarly whether checking stopped at the limit before the end of the export
 * @param notes facts worth knowing that are not failures, such as subjects a range export could not
 *     judge
 */
public record VerificationReport(
    NoteVerifierKey logKey,
    Optional<Checkpoint> checkpoint,
    ExportScope scope,
    Counts counts,
    Optional<Checkpoint> since,
    List<Hash> consistencyProof,
    List<Failure> failures,
    long failureCount,
    boolean stoppedEarly,
    List<String> notes) {

  /**
   * How much was checked.
   *
   * @param entries lines of {@code entries.jsonl} read
   * @param signatures agency signatures verified
   * @param records records replayed through the domain's rules
   * @param proofs inclusion proofs verified
   * @param disclosures disclosures checked against their digests
   * @param notJudged subjects of a range export whose history began before the range, and whose
   *     records in the range were therefore not judged by the domain's rules
   */
  public record Counts(
      long entries, long signatures, long records, long proofs, long disclosures, long notJudged) {}

  /** Copies the lists. */
  public VerificationReport {
    consistencyProof = List.copyOf(consistencyProof);
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  /** The first failure, if any. */
  public Optional<Failure> firstFailure() {
    return failures.isEmpty() ? Optional.empty() : Optional.of(failures.get(0));
  }

  /**
   * Returns if nothing failed.
   *
   * @throws ExportVerificationException carrying this report and its first failure otherwise
   */
  public void requireValid() throws ExportVerificationException {
    if (!failures.isEmpty()) {
      throw new ExportVerificationException(this);
    }
  }
}
