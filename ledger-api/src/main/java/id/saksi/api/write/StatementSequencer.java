package id.saksi.api.write;

import id.saksi.api.domain.RecordStatementCommand;
import id.saksi.api.domain.StatementRejectedException;
import id.saksi.api.domain.StatementToRecord;
import id.saksi.api.ledger.AbsentAggregates;
import id.saksi.api.ledger.AppendedEntry;
import id.saksi.api.ledger.LedgerEventStorageEngine;
import id.saksi.api.ledger.LedgerHead;
import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemType;
import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.disclosure.Disclosure;
import id.saksi.core.domain.AggregateKind;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.registry.GenesisCommand;
import id.saksi.core.domain.registry.KeyEntry;
import id.saksi.core.domain.registry.KeyNotValidException;
import id.saksi.core.domain.registry.RegistryState;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.rule.Rejection;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.entry.StatementSignatureException;
import id.saksi.core.entry.Statements;
import id.saksi.core.hash.Hash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

/**
 * The write path: appends signed statements to the ledger, one database transaction per call.
 *
 * <p>In that transaction, in this order: lock the ledger head (the next index n, the previous leaf
 * hash, the Merkle frontier); bring this instance's registry up to date with whatever any instance
 * committed since it last looked; then for each statement: look up its agency's nonce (the same
 * statement again is answered with its entry; another statement with a used nonce is refused),
 * check its key against the registry as of position n (DESIGN.md invariant 4; the genesis signs
 * with the key it registers) and its signatures, and dispatch the Axon command that decides it at
 * position n. Accepted statements take n, n+1, ...: the event store writes their events and, in the
 * same transaction, their entries (invariant 1). A refused statement takes no position and appends
 * nothing; the others of the call go on. The call returns once the transaction has committed.
 *
 * <p>Calls are serialised in this JVM by a lock, and across instances by the head's row lock; the
 * JVM lock only keeps waiting threads from holding database connections.
 *
 * <p>A transaction that fails as a whole because an aggregate was stale (another instance appended
 * to it; Axon's unique key on the event store refuses the second sequence number as a {@link
 * ConcurrencyException}) is retried once: the rollback dropped the aggregates it loaded from the
 * cache, so the retry loads them afresh. With {@link LedgerContext#catchUp} dropping whatever other
 * instances changed before each transaction, this is a last line of defence, not the normal path.
 */
public final class StatementSequencer {
  private static final Logger log = LoggerFactory.getLogger(StatementSequencer.class);

  // The entries holding the statements' nonces (for idempotency), then the statements' subjects
  // that have no entry yet (new aggregates, whose loading can skip the database).
  private static final String LOOK_UP =
      "SELECT e.agency, e.nonce, e.idx, e.leaf_hash, e.recorded_at, e.statement_hash, p.leaf_hash,"
          + " e.event_identifier, NULL::varchar"
          + " FROM unnest(?::varchar[], ?::varchar[]) AS q(agency, nonce)"
          + " JOIN ledger_entry e ON e.agency = q.agency AND e.nonce = q.nonce"
          + " LEFT JOIN ledger_entry p ON p.idx = e.idx - 1"
          + " UNION ALL"
          + " SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, s.subject"
          + " FROM unnest(?::varchar[]) AS s(subject)"
          + " WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.subject = s.subject)";
  private static final String INSERT_DISCLOSURES =
      "INSERT INTO personal_disclosure (entry_idx, field, disclosure)"
          + " SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::text[])";
  private static final String INSERT_IDENTITY =
      "INSERT INTO ledger_meta (id, origin, log_vkey, registrar_key) VALUES (0, ?, ?, ?)";
  private static final String READ_IDENTITY =
      "SELECT origin, log_vkey, registrar_key FROM ledger_meta WHERE id = 0";

  /**
   * Statements per Axon unit of work within one transaction. Axon looks up the events a unit of
   * work has staged by scanning them all at every aggregate load; units of this size keep that scan
   * short while the transaction still spans the whole call.
   */
  static final int CHUNK = 100;

  private final DataSource dataSource;
  private final PlatformTransactionManager transactions;
  private final TransactionManager transactionManager;
  private final CommandGateway commands;
  private final Cache aggregateCache;
  private final LedgerContext context;
  private final ReentrantLock lock = new ReentrantLock(true);

  /**
   * A sequencer over the service's database.
   *
   * @param dataSource the database
   * @param transactions the database's transactions
   * @param transactionManager Axon's transaction manager over the same transactions
   * @param commands the gateway to the aggregates (a local, synchronous command bus)
   * @param aggregateCache the cache the aggregates are loaded through
   */
  public StatementSequencer(
      DataSource dataSource,
      PlatformTransactionManager transactions,
      TransactionManager transactionManager,
      CommandGateway commands,
      Cache aggregateCache) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.transactionManager = transactionManager;
    this.commands = commands;
    this.aggregateCache = aggregateCache;
    this.context = new LedgerContext(aggregateCache);
  }

  /** The registry as this instance last saw it; for checks before the lock. */
  public RegistryState registry() {
    return context.registry();
  }

  /**
   * Appends {@code statements} in one transaction, in order; each is appended or refused on its
   * own.
   *
   * @return one result per statement, in order, once the transaction has committed
   * @throws WriteFailedException if the transaction failed as a whole; nothing was appended, or, if
   *     {@link WriteFailedException#outcomeUnknown()}, the commit's outcome is unknown
   */
  public List<WriteResult> write(List<SignedStatement> statements) {
    return write(statements, null, null).orElseThrow();
  }

  /**
   * Appends {@code statements} in one transaction, as {@link #write(List)}, and runs {@code step}
   * in that transaction once every statement was appended: both commit, or neither.
   *
   * @return one result per statement, in order, once the transaction has committed; if any was
   *     refused (or was in the ledger already), {@code step} did not run
   * @throws WriteFailedException if the transaction failed as a whole, {@code step}'s failure
   *     included (its cause); nothing was appended
   */
  public List<WriteResult> write(List<SignedStatement> statements, TransactionStep step) {
    return write(statements, null, java.util.Objects.requireNonNull(step, "step")).orElseThrow();
  }

  /**
   * Appends the genesis statements if, and only if, the ledger is empty: decided under the head's
   * lock, so that of several instances starting at once on an empty database exactly one writes a
   * genesis. With it, the log's identity is recorded.
   *
   * @return the results if this call wrote the genesis; empty if the ledger already had entries
   */
  public Optional<List<WriteResult>> writeGenesis(
      List<SignedStatement> statements, LedgerIdentity identity) {
    return write(statements, identity, null);
  }

  /** The log's identity as recorded with the genesis, if the ledger has one. */
  public Optional<LedgerIdentity> identity() {
    Connection c = DataSourceUtils.getConnection(dataSource);
    try (PreparedStatement q = c.prepareStatement(READ_IDENTITY);
        ResultSet r = q.executeQuery()) {
      if (!r.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new LedgerIdentity(
              r.getString(1),
              id.saksi.core.note.NoteVerifierKey.parse(r.getString(2)),
              KeyId.parse(r.getString(3))));
    } catch (SQLException e) {
      throw new WriteFailedException("could not read the ledger's identity", e, false);
    } catch (id.saksi.core.ParseException e) {
      throw new IllegalStateException("the ledger's recorded identity is unreadable", e);
    } finally {
      DataSourceUtils.releaseConnection(c, dataSource);
    }
  }

  private Optional<List<WriteResult>> write(
      List<SignedStatement> statements, LedgerIdentity genesisOf, TransactionStep step) {
    if (statements.isEmpty()) {
      return Optional.of(List.of());
    }
    lock.lock();
    try {
      try {
        return writeOnce(statements, genesisOf, step);
      } catch (WriteFailedException e) {
        if (e.outcomeUnknown() || !isConflict(e)) {
          throw e;
        }
        // The rollback dropped every aggregate this attempt loaded from the cache; the retry
        // loads them from the event store, with whatever the other writer appended.
        log.atWarn()
            .addKeyValue("statements", statements.size())
            .log(
                "A write of {} statements conflicted with another writer; retrying once with fresh"
                    + " aggregates",
                statements.size());
        return writeOnce(statements, genesisOf, step);
      }
    } finally {
      lock.unlock();
    }
  }

  private static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConcurrencyException) {
        return true;
      }
      if (t instanceof SQLException && "23505".equals(((SQLException) t).getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private Optional<List<WriteResult>> writeOnce(
      List<SignedStatement> statements, LedgerIdentity genesisOf, TransactionStep step) {
    Attempt attempt = new Attempt(statements, genesisOf, step);
    TransactionStatus tx = transactions.getTransaction(TransactionDefinition.withDefaults());
    boolean committing = false;
    try {
      Connection c = DataSourceUtils.getConnection(dataSource);
      try {
        attempt.prepare(c);
        // Each chunk is an Axon unit of work that joins this transaction: when it "commits", its
        // events and their entries are written, but nothing is durable until the commit below.
        for (int from = 0; !attempt.skipped && from < statements.size(); from += CHUNK) {
          int to = Math.min(from + CHUNK, statements.size());
          runChunk(attempt, from, to);
        }
        if (!attempt.skipped) {
          attempt.finish(c);
        }
      } finally {
        DataSourceUtils.releaseConnection(c, dataSource);
      }
      committing = true;
      transactions.commit(tx);
      // Commit point. If the process dies before PostgreSQL's COMMIT returns, recovery finds none
      // of this transaction: no event, no entry, no node, no disclosure, the head where it was;
      // every caller is still waiting, gets no answer, and resubmits (idempotency makes that
      // safe). Once COMMIT has returned, all of it is durable (fsync on) and the callers get
      // their receipts.
    } catch (RuntimeException | SQLException | Error e) {
      if (!committing && !tx.isCompleted()) {
        transactions.rollback(tx);
      }
      // Axon thinks the chunks committed and may have cached their aggregates with events that
      // are now rolled back (or, if the commit failed, may be): drop them all.
      for (String subject : attempt.touched) {
        aggregateCache.remove(subject);
      }
      throw new WriteFailedException(
          committing
              ? "the commit failed; the statements may or may not be in the ledger"
              : "the transaction failed; nothing was appended",
          e,
          committing);
    } finally {
      AbsentAggregates.clear();
    }
    if (attempt.skipped) {
      return Optional.empty();
    }
    context.committed(attempt.registryAfter, attempt.next);
    return Optional.of(attempt.results());
  }

  private void runChunk(Attempt attempt, int from, int to) {
    DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
    uow.attachTransaction(transactionManager);
    uow.afterCommit(
        u ->
            attempt.appended.addAll(
                u.getOrDefaultResource(LedgerEventStorageEngine.APPENDED_ENTRIES, List.of())));
    ResultMessage<?> result =
        uow.executeWithResult(
            () -> {
              attempt.run(from, to);
              return null;
            });
    if (result.isExceptional()) {
      Throwable cause = result.exceptionResult();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException("a unit of work failed: " + cause.getMessage(), cause);
    }
  }

  /** One transaction's work: prepared once, then run chunk by chunk, then finished. */
  private final class Attempt {
    final List<SignedStatement> statements;
    final LedgerIdentity genesisOf;
    final TransactionStep step;
    final Object[] outcomes;
    final List<AppendedEntry> appended = new ArrayList<>();
    final Set<String> touched = new HashSet<>();
    final Map<SignedStatement.NonceKey, Integer> inThisCall = new HashMap<>();
    final List<Long> disclosureEntries = new ArrayList<>();
    final List<String> disclosureFields = new ArrayList<>();
    final List<String> disclosureTexts = new ArrayList<>();
    Map<SignedStatement.NonceKey, Existing> existing = Map.of();
    boolean skipped;
    RegistryState registry;
    RegistryState registryAfter;
    long next;

    Attempt(List<SignedStatement> statements, LedgerIdentity genesisOf, TransactionStep step) {
      this.statements = statements;
      this.genesisOf = genesisOf;
      this.step = step;
      this.outcomes = new Object[statements.size()];
    }

    void prepare(Connection c) throws SQLException {
      LedgerHead head = LedgerHead.lock(c);
      registry = context.catchUp(c, head.size());
      next = head.size();
      if (genesisOf != null) {
        if (head.size() != 0) {
          skipped = true;
          return;
        }
        recordIdentity(c, genesisOf);
      }
      AbsentAggregates.declare(lookUp(c));
    }

    void run(int from, int to) {
      for (int i = from; i < to; i++) {
        outcomes[i] = decide(statements.get(i), i);
      }
    }

    private Object decide(SignedStatement s, int i) {
      SignedStatement.NonceKey nonce = s.nonceKey();
      Existing earlier = existing.get(nonce);
      if (earlier != null) {
        return replayOf(s, earlier, registry);
      }
      Integer sameCall = inThisCall.get(nonce);
      if (sameCall != null) {
        return statements.get(sameCall).statementHash().equals(s.statementHash())
            ? sameCall
            : nonceReused(s, "an earlier item of this request");
      }
      Position position = Position.of(next);
      Problem keyProblem = checkSignatures(s, registry, position);
      if (keyProblem != null) {
        return keyProblem;
      }
      StatementToRecord command =
          new StatementToRecord(
              position, s.statement(), s.signatures(), s.record(), context(s, registry, position));
      String subject = command.subject();
      touched.add(subject);
      Object newState;
      try {
        newState = commands.sendAndWait(RecordStatementCommand.of(command));
      } catch (StatementRejectedException e) {
        log.atDebug()
            .addKeyValue("rule", e.rejection().rule().id())
            .addKeyValue("subject", subject)
            .log("Statement about {} rejected by rule {}", subject, e.rejection().rule().id());
        return rejected(e.rejection());
      }
      AbsentAggregates.created(subject);
      if (s.record().subject().kind() == AggregateKind.REGISTRY) {
        registry = (RegistryState) newState;
      }
      inThisCall.put(nonce, i);
      for (Disclosure d : s.disclosures()) {
        disclosureEntries.add(next);
        disclosureFields.add(d.claimName());
        disclosureTexts.add(d.encoded());
      }
      log.atDebug()
          .addKeyValue("index", next)
          .addKeyValue("type", s.statement().type())
          .addKeyValue("subject", subject)
          .addKeyValue("agency", s.statement().agency())
          .log(
              "Statement {} about {} by {} accepted as entry {}",
              s.statement().type(),
              subject,
              s.statement().agency(),
              next);
      return next++;
    }

    void finish(Connection c) throws SQLException {
      if (genesisOf != null) {
        // The genesis is all or nothing: an identity recorded without its entries would make
        // every later start skip the genesis.
        for (Object o : outcomes) {
          if (o instanceof Problem) {
            throw new IllegalStateException(
                "a genesis statement was refused: " + ((Problem) o).detail());
          }
        }
      }
      if (!disclosureEntries.isEmpty()) {
        // Checked against ledger_entry at commit (a deferred reference).
        try (PreparedStatement insert = c.prepareStatement(INSERT_DISCLOSURES)) {
          insert.setArray(1, c.createArrayOf("bigint", disclosureEntries.toArray()));
          insert.setArray(2, c.createArrayOf("varchar", disclosureFields.toArray()));
          insert.setArray(3, c.createArrayOf("text", disclosureTexts.toArray()));
          insert.executeUpdate();
        }
      }
      if (step != null) {
        List<Long> indexes = new ArrayList<>(outcomes.length);
        for (Object o : outcomes) {
          if (!(o instanceof Long)) {
            // Refused, or already in the ledger: the step belongs to a new append only.
            indexes = null;
            break;
          }
          indexes.add((Long) o);
        }
        if (indexes != null) {
          step.run(c, List.copyOf(indexes));
        }
      }
      registryAfter = registry;
    }

    /**
     * One query under the lock: the entries already holding one of these statements' nonces (into
     * {@link #existing}), and the subjects that have no entry yet (returned).
     */
    private Set<String> lookUp(Connection c) throws SQLException {
      String[] agencies = new String[statements.size()];
      String[] nonces = new String[statements.size()];
      Set<String> subjects = new HashSet<>();
      for (int i = 0; i < statements.size(); i++) {
        agencies[i] = statements.get(i).statement().agency();
        nonces[i] = statements.get(i).statement().nonce();
        subjects.add(statements.get(i).record().subject().text());
      }
      Map<SignedStatement.NonceKey, Existing> found = new HashMap<>();
      Set<String> absent = new HashSet<>();
      try (PreparedStatement q = c.prepareStatement(LOOK_UP)) {
        // Planned afresh each time, with the arrays in hand: a server-side prepared plan is fixed
        // while ledger_entry is still nearly empty (a new ledger), and that plan scans the whole
        // table; measured at 3 to 37 ms per call at 10,000 entries against 0.1 ms planned afresh.
        if (q.isWrapperFor(PGStatement.class)) {
          q.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        q.setArray(1, c.createArrayOf("varchar", agencies));
        q.setArray(2, c.createArrayOf("varchar", nonces));
        q.setArray(3, c.createArrayOf("varchar", subjects.toArray()));
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            if (r.getString(9) != null) {
              absent.add(r.getString(9));
              continue;
            }
            byte[] prev = r.getBytes(7);
            long index = r.getLong(3);
            found.put(
                new SignedStatement.NonceKey(r.getString(1), r.getString(2)),
                new Existing(
                    new AppendedEntry(
                        index,
                        Hash.of(r.getBytes(4)),
                        prev == null ? Hash.ZERO : Hash.of(prev),
                        r.getObject(5, OffsetDateTime.class).toInstant(),
                        r.getString(8)),
                    Hash.of(r.getBytes(6))));
          }
        }
      }
      existing = found;
      return absent;
    }

    List<WriteResult> results() {
      Map<Long, AppendedEntry> byIndex = new HashMap<>();
      for (AppendedEntry e : appended) {
        byIndex.put(e.index(), e);
      }
      List<WriteResult> out = new ArrayList<>(outcomes.length);
      for (Object o : outcomes) {
        out.add(result(o, byIndex, out));
      }
      return out;
    }

    private WriteResult result(Object o, Map<Long, AppendedEntry> byIndex, List<WriteResult> so) {
      if (o instanceof Long) {
        AppendedEntry e = byIndex.get(o);
        if (e == null) {
          throw new IllegalStateException("entry " + o + " was decided but not appended");
        }
        return new WriteResult.Appended(e, false);
      }
      if (o instanceof Integer) {
        // The same statement twice in one call: the second gets the first's entry.
        WriteResult first = so.get((Integer) o);
        return first instanceof WriteResult.Appended
            ? new WriteResult.Appended(((WriteResult.Appended) first).entry(), true)
            : first;
      }
      if (o instanceof WriteResult) {
        return (WriteResult) o;
      }
      return new WriteResult.Refused((Problem) o);
    }
  }

  /** An entry already in the ledger under a nonce, with the hash of its statement. */
  private record Existing(AppendedEntry entry, Hash statementHash) {}

  private static Object replayOf(SignedStatement s, Existing earlier, RegistryState registry) {
    if (!earlier.statementHash().equals(s.statementHash())) {
      return nonceReused(s, "entry " + earlier.entry().index());
    }
    // The statement is in the ledger already; answer with its entry, but only to a submission
    // whose own signature verifies (the key may have been revoked since: that does not matter).
    if (!s.signaturesVerified()) {
      Optional<KeyEntry> key = registry.keys().get(s.statement().key());
      if (key.isPresent()) {
        try {
          Statements.verify(s.statement(), s.signatures().get(0), key.get().key());
        } catch (StatementSignatureException e) {
          return Problem.of(ProblemType.SIGNATURE_INVALID, e.getMessage() + "; sign again")
              .with("key", e.key().hex());
        }
      }
    }
    return new WriteResult.Appended(earlier.entry(), true);
  }

  private static Problem nonceReused(SignedStatement s, String where) {
    return Problem.of(
            ProblemType.NONCE_REUSED,
            "agency "
                + s.statement().agency()
                + " already used nonce "
                + s.statement().nonce()
                + " for another statement ("
                + where
                + "); every statement needs a fresh random nonce")
        .with("nonce", s.statement().nonce());
  }

  private static Problem rejected(Rejection r) {
    return Problem.of(ProblemType.REJECTED, r.message())
        .with("subject", r.subject().text())
        .with("state", r.state())
        .with("rule", r.rule().id())
        .with("source", r.source());
  }

  /** The context the domain judges {@code s} in at {@code position}. */
  private static Context context(SignedStatement s, RegistryState registry, Position position) {
    return new Context(
        position,
        s.statement().issuedAt(),
        s.agency(),
        registry.agency(s.agency()),
        s.statement().key(),
        registry,
        registry.catalogueAt(position));
  }

  /**
   * Checks that each key may sign at {@code position} and each signature verifies (if not done
   * before the lock); null if all is well.
   */
  private static Problem checkSignatures(
      SignedStatement s, RegistryState registry, Position position) {
    Ed25519PublicKey key;
    if (position.equals(Position.GENESIS) && registry.isEmpty()) {
      if (!(s.record().command() instanceof GenesisCommand)) {
        return Problem.of(
            ProblemType.KEY_UNKNOWN,
            "the ledger is empty: entry 0 must be registry.genesis, signed with the key it"
                + " registers");
      }
      key = ((GenesisCommand) s.record().command()).publicKey();
      if (!KeyId.of(key).equals(s.statement().key())) {
        return Problem.of(
            ProblemType.KEY_UNKNOWN,
            "the genesis registers key "
                + KeyId.of(key)
                + " and must be signed with it, not with "
                + s.statement().key());
      }
    } else {
      try {
        key = registry.keys().require(s.statement().key(), s.agency(), position);
      } catch (KeyNotValidException e) {
        return keyProblem(e);
      }
    }
    List<StatementSignature> sigs = s.signatures();
    try {
      if (!s.signaturesVerified()) {
        Statements.verify(s.statement(), sigs.get(0), key);
      }
      for (int j = 1; j < sigs.size(); j++) {
        KeyId cosigner = sigs.get(j).key();
        Optional<KeyEntry> entry = registry.keys().get(cosigner);
        if (entry.isEmpty()) {
          return Problem.of(
                  ProblemType.KEY_UNKNOWN,
                  "cosignature " + j + " is by key " + cosigner + ", which is not registered")
              .with("key", cosigner.hex());
        }
        try {
          registry.keys().require(cosigner, entry.get().agency(), position);
        } catch (KeyNotValidException e) {
          return keyProblem(e);
        }
        if (!s.signaturesVerified()) {
          Statements.verify(s.statement(), sigs.get(j), entry.get().key());
        }
      }
    } catch (StatementSignatureException e) {
      return Problem.of(
              ProblemType.SIGNATURE_INVALID,
              e.getMessage() + "; sign the statement's canonical bytes (RFC 8785) with that key")
          .with("key", e.key().hex());
    }
    return null;
  }

  private static Problem keyProblem(KeyNotValidException e) {
    ProblemType type;
    String hint;
    switch (e.reason()) {
      case UNKNOWN:
        type = ProblemType.KEY_UNKNOWN;
        hint = "sign with a key registered for the agency (key.added)";
        break;
      case OTHER_AGENCY:
        type = ProblemType.KEY_OTHER_AGENCY;
        hint = "an agency signs only with its own keys";
        break;
      case NOT_YET_VALID:
        type = ProblemType.KEY_NOT_YET_VALID;
        hint = "wait until the key's registration is in the ledger";
        break;
      default:
        type = ProblemType.KEY_REVOKED;
        hint = "sign with one of the agency's valid keys";
        break;
    }
    return Problem.of(type, e.getMessage() + "; " + hint)
        .with("key", e.keyId().hex())
        .with("agency", e.agency().value())
        .with("position", e.position().value());
  }

  private static void recordIdentity(Connection c, LedgerIdentity identity) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement(INSERT_IDENTITY)) {
      insert.setString(1, identity.origin());
      insert.setString(2, identity.logKey().encode());
      insert.setString(3, identity.registrarKey().hex());
      insert.executeUpdate();
    }
  }
}
