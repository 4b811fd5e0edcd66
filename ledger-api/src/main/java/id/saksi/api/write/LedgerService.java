package id.saksi.api.write;

import id.saksi.api.checkpoint.CheckpointPublisher;
import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.domain.registry.GenesisCommand;
import id.saksi.core.domain.registry.KeyEntry;
import id.saksi.core.domain.registry.RegistryState;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.StatementSignatureException;
import id.saksi.core.entry.Statements;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the API calls to append: single statements through the group committer, batches in one
 * transaction of their own. Signatures whose keys this instance already knows are verified here, on
 * the request's thread, so that the serialised part of the write path does only what needs the
 * lock; a key's validity at the entry's position is checked under the lock regardless.
 */
public final class LedgerService {
  private final StatementSequencer sequencer;
  private final GroupCommitter committer;
  private final CheckpointPublisher checkpoints;
  private final Duration timeout;
  private volatile boolean ready;

  /** The service over {@code sequencer}; single statements wait at most {@code timeout}. */
  public LedgerService(
      StatementSequencer sequencer,
      GroupCommitter committer,
      CheckpointPublisher checkpoints,
      Duration timeout) {
    this.sequencer = sequencer;
    this.committer = committer;
    this.checkpoints = checkpoints;
    this.timeout = timeout;
  }

  /** Opens the write path, once the ledger has its genesis. */
  public void ready() {
    ready = true;
  }

  /** Whether the write path is open. */
  public boolean isReady() {
    return ready;
  }

  /**
   * Appends one statement, grouped with others in one transaction.
   *
   * @throws ProblemException 503 if the service is not ready, the queue is full, the wait timed
   *     out, or the transaction failed
   */
  public WriteResult submit(SignedStatement statement) {
    requireReady();
    SignedStatement s = preVerify(statement);
    Optional<CompletableFuture<WriteResult>> queued = committer.submit(s);
    if (queued.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.UNAVAILABLE,
                  "the ledger's queue is full; nothing was appended: retry later")
              .with("retryAfterSeconds", 1));
    }
    WriteResult result;
    try {
      result = queued.get().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ProblemException(
          ProblemType.UNAVAILABLE,
          "the append did not complete within "
              + timeout.toSeconds()
              + " s; its outcome is unknown: resubmit the same statement, which is appended at"
              + " most once");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProblemException(ProblemType.UNAVAILABLE, "interrupted; resubmit the statement");
    } catch (ExecutionException e) {
      throw unavailable(e.getCause());
    }
    appended(List.of(result));
    return result;
  }

  /**
   * Appends a batch in one transaction of its own; each statement is appended or refused on its
   * own.
   */
  public List<WriteResult> submitBatch(List<SignedStatement> statements) {
    requireReady();
    List<SignedStatement> checked = new java.util.ArrayList<>(statements.size());
    for (SignedStatement s : statements) {
      checked.add(preVerifyOrKeep(s));
    }
    List<WriteResult> results;
    try {
      results = sequencer.write(checked);
    } catch (WriteFailedException e) {
      throw unavailable(e);
    }
    appended(results);
    return results;
  }

  /**
   * Appends one statement in a transaction of its own, together with {@code step}: both commit or
   * neither (the service's own records whose effect is outside the ledger, such as an erasure).
   *
   * @throws ProblemException the step's own problem if it threw one, or 503 if the service is not
   *     ready or the transaction failed; either way nothing was appended
   */
  public WriteResult submitWith(SignedStatement statement, TransactionStep step) {
    requireReady();
    List<WriteResult> results;
    try {
      results = sequencer.write(List.of(preVerifyOrKeep(statement)), step);
    } catch (WriteFailedException e) {
      if (!e.outcomeUnknown() && e.getCause() instanceof ProblemException) {
        throw (ProblemException) e.getCause();
      }
      throw unavailable(e);
    }
    appended(results);
    return results.get(0);
  }

  private void appended(List<WriteResult> results) {
    for (WriteResult r : results) {
      if (r instanceof WriteResult.Appended && !((WriteResult.Appended) r).replayed()) {
        checkpoints.appended();
        return;
      }
    }
  }

  private void requireReady() {
    if (!ready) {
      throw new ProblemException(
          Problem.of(
                  ProblemType.UNAVAILABLE,
                  "the ledger is starting; nothing was appended: retry in a few seconds")
              .with("retryAfterSeconds", 5));
    }
  }

  private static ProblemException unavailable(Throwable cause) {
    if (cause instanceof WriteFailedException && ((WriteFailedException) cause).outcomeUnknown()) {
      return new ProblemException(
          ProblemType.UNAVAILABLE,
          "the ledger's database failed while committing; the outcome is unknown: resubmit the"
              + " same statements, which are appended at most once");
    }
    return new ProblemException(
        Problem.of(
                ProblemType.UNAVAILABLE,
                "the ledger could not append (its database failed); nothing was appended: retry"
                    + " later")
            .with("retryAfterSeconds", 5));
  }

  private SignedStatement preVerifyOrKeep(SignedStatement s) {
    try {
      return preVerify(s);
    } catch (ProblemException e) {
      // In a batch the sequencer reports it for this item; verification happens again there.
      return s;
    }
  }

  /**
   * Verifies the signatures whose keys this instance knows; a statement whose every signature
   * verified is marked so, and the sequencer skips the work under its lock.
   *
   * @throws ProblemException 403 if a signature does not verify
   */
  SignedStatement preVerify(SignedStatement s) {
    RegistryState registry = sequencer.registry();
    List<StatementSignature> sigs = s.signatures();
    boolean all = true;
    for (int i = 0; i < sigs.size(); i++) {
      Optional<Ed25519PublicKey> key = registry.keys().get(sigs.get(i).key()).map(KeyEntry::key);
      if (i == 0 && s.record().command() instanceof GenesisCommand) {
        key = Optional.of(((GenesisCommand) s.record().command()).publicKey());
      }
      if (key.isEmpty()) {
        all = false;
        continue;
      }
      try {
        Statements.verify(s.statement(), sigs.get(i), key.get());
      } catch (StatementSignatureException e) {
        throw new ProblemException(
            Problem.of(
                    ProblemType.SIGNATURE_INVALID,
                    e.getMessage()
                        + "; sign the statement's canonical bytes (RFC 8785) with that key")
                .with("key", e.key().hex()));
      }
    }
    return all ? s.verified() : s;
  }
}
