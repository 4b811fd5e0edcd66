package id.saksi.api.write;

import id.saksi.api.domain.RecordStatementCommand;
import id.saksi.api.domain.StatementRejectedException;
import id.saksi.api.domain.StatementToRecord;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;

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

  private static final String FIND_NONCES =
      "SELECT e.agency, e.nonce, e.idx, e.leaf_hash, e.recorded_at, e.statement_hash, p.leaf_hash,"
          + " e.event_identifier"
          + " FROM unnest(?::varchar[], ?::varchar[]) AS q(agency, nonce)"
          + " JOIN ledger_entry e ON e.agency = q.agency AND e.nonce = q.nonce"
          + " LEFT JOIN ledger_entry p ON p.idx = e.idx - 1";
  private static final String INSERT_DISCLOSURES =
      "INSERT INTO personal_disclosure (entry_idx, field, disclosure)"
          + " SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::text[])";
  private static final String INSERT_IDENTITY =
      "INSERT INTO ledger_meta (id, origin, log_vkey, registrar_key) VALUES (0, ?, ?, ?)";
  private static final String READ_IDENTITY =
      "SELECT origin, log_vkey, registrar_key FROM ledger_meta WHERE id = 0";

  private final DataSource dataSource;
  private final TransactionManager transactionManager;
  private final CommandGateway commands;
  private final LedgerContext context;
  private final ReentrantLock lock = new ReentrantLock(true);

  /**
   * A sequencer over the service's database.
   *
   * @param dataSource the database, whose transactions {@code transactionManager} manages
   * @param transactionManager Axon's transaction manager over the same database
   * @param commands the gateway to the aggregates (a local, synchronous command bus)
   * @param aggregateCache the cache the aggregates are loaded through
   */
  public StatementSequencer(
      DataSource dataSource,
      TransactionManager transactionManager,
      CommandGateway commands,
      Cache aggregateCache) {
    this.dataSource = dataSource;
    this.transactionManager = transactionManager;
    this.commands = commands;
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
    return write(statements, null).orElseThrow();
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
    return write(statements, identity);
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
      List<SignedStatement> statements, LedgerIdentity genesisOf) {
    if (statements.isEmpty()) {
      return Optional.of(List.of());
    }
    lock.lock();
    try {
      try {
        return writeOnce(statements, genesisOf);
      } catch (WriteFailedException e) {
        if (e.outcomeUnknown() || !isConflict(e)) {
          throw e;
        }
        // The rollback dropped every aggregate this attempt loaded from the cache; the retry
        // loads them from the event store, with whatever the other writer appended.
        log.atWarn()
            .addKeyValue("statements", statements.size())
            .log("Write conflicted with another writer; retrying once with fresh aggregates");
        return writeOnce(statements, genesisOf);
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
      List<SignedStatement> statements, LedgerIdentity genesisOf) {
    Attempt attempt = new Attempt(statements, genesisOf);
    DefaultUnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(null);
    // Registered before the transaction, so it runs before the transaction's own commit handler:
    // from here on a failure may have happened inside PostgreSQL's COMMIT.
    uow.onCommit(u -> attempt.committing = true);
    uow.attachTransaction(transactionManager);
    uow.afterCommit(
        u ->
            attempt.appended =
                u.getOrDefaultResource(LedgerEventStorageEngine.APPENDED_ENTRIES, List.of()));
    ResultMessage<?> result =
        uow.executeWithResult(
            () -> {
              attempt.run();
              return null;
            });
    // Commit point. If the process dies before PostgreSQL's COMMIT returns, recovery finds none of
    // this transaction: no event, no entry, no node, no disclosure, the head where it was; every
    // caller is still waiting and gets no answer, and resubmits. Once COMMIT has returned,
    // everything of it is durable (fsync on), and the callers get their receipts below.
    if (result.isExceptional()) {
      Throwable cause = result.exceptionResult();
      throw new WriteFailedException(
          attempt.committing
              ? "the commit failed; the statements may or may not be in the ledger"
              : "the transaction failed; nothing was appended",
          cause,
          attempt.committing);
    }
    if (attempt.skipped) {
      return Optional.empty();
    }
    context.committed(attempt.registryAfter, attempt.sizeAfter);
    return Optional.of(attempt.results());
  }

  /** One transaction's work, run inside its unit of work. */
  private final class Attempt {
    final List<SignedStatement> statements;
    final LedgerIdentity genesisOf;
    final Object[] outcomes;
    volatile boolean committing;
    boolean skipped;
    List<AppendedEntry> appended = List.of();
    RegistryState registryAfter;
    long sizeAfter;

    Attempt(List<SignedStatement> statements, LedgerIdentity genesisOf) {
      this.statements = statements;
      this.genesisOf = genesisOf;
      this.outcomes = new Object[statements.size()];
    }

    void run() throws SQLException {
      Connection c = DataSourceUtils.getConnection(dataSource);
      try {
        runOn(c);
      } finally {
        DataSourceUtils.releaseConnection(c, dataSource);
      }
    }

    private void runOn(Connection c) throws SQLException {
      LedgerHead head = LedgerHead.lock(c);
      RegistryState registry = context.catchUp(c, head.size());
      if (genesisOf != null) {
        if (head.size() != 0) {
          skipped = true;
          return;
        }
        recordIdentity(c, genesisOf);
      }
      Map<SignedStatement.NonceKey, Existing> existing = findNonces(c);
      Map<SignedStatement.NonceKey, Integer> inThisCall = new HashMap<>();
      long next = head.size();
      List<Long> disclosureEntries = new ArrayList<>();
      List<String> disclosureFields = new ArrayList<>();
      List<String> disclosureTexts = new ArrayList<>();
      for (int i = 0; i < statements.size(); i++) {
        SignedStatement s = statements.get(i);
        SignedStatement.NonceKey nonce = s.nonceKey();
        Existing earlier = existing.get(nonce);
        if (earlier != null) {
          outcomes[i] = replayOf(s, earlier, registry);
          continue;
        }
        Integer sameCall = inThisCall.get(nonce);
        if (sameCall != null) {
          outcomes[i] =
              statements.get(sameCall).statementHash().equals(s.statementHash())
                  ? sameCall
                  : nonceReused(s, "an earlier item of this request");
          continue;
        }
        Position position = Position.of(next);
        Problem keyProblem = checkSignatures(s, registry, position);
        if (keyProblem != null) {
          outcomes[i] = keyProblem;
          continue;
        }
        StatementToRecord command =
            new StatementToRecord(
                position,
                s.statement(),
                s.signatures(),
                s.record(),
                context(s, registry, position));
        Object newState;
        try {
          newState = commands.sendAndWait(RecordStatementCommand.of(command));
        } catch (StatementRejectedException e) {
          outcomes[i] = rejected(e.rejection());
          continue;
        }
        if (s.record().subject().kind() == AggregateKind.REGISTRY) {
          registry = (RegistryState) newState;
        }
        outcomes[i] = next;
        inThisCall.put(nonce, i);
        for (Disclosure d : s.disclosures()) {
          disclosureEntries.add(next);
          disclosureFields.add(d.claimName());
          disclosureTexts.add(d.encoded());
        }
        log.atDebug()
            .addKeyValue("index", next)
            .addKeyValue("type", s.statement().type())
            .addKeyValue("subject", s.statement().subject())
            .addKeyValue("agency", s.statement().agency())
            .log("Statement accepted");
        next++;
      }
      if (!disclosureEntries.isEmpty()) {
        // Checked against ledger_entry at commit (a deferred reference): the entries are written
        // at the end of this transaction, when the events are stored.
        try (PreparedStatement insert = c.prepareStatement(INSERT_DISCLOSURES)) {
          insert.setArray(1, c.createArrayOf("bigint", disclosureEntries.toArray()));
          insert.setArray(2, c.createArrayOf("varchar", disclosureFields.toArray()));
          insert.setArray(3, c.createArrayOf("text", disclosureTexts.toArray()));
          insert.executeUpdate();
        }
      }
      registryAfter = registry;
      sizeAfter = next;
      // Returning lets the unit of work commit: Axon stores the events, the storage engine writes
      // their entries at the indexes decided above, and PostgreSQL commits it all at once.
    }

    private Map<SignedStatement.NonceKey, Existing> findNonces(Connection c) throws SQLException {
      String[] agencies = new String[statements.size()];
      String[] nonces = new String[statements.size()];
      for (int i = 0; i < statements.size(); i++) {
        agencies[i] = statements.get(i).statement().agency();
        nonces[i] = statements.get(i).statement().nonce();
      }
      Map<SignedStatement.NonceKey, Existing> found = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement(FIND_NONCES)) {
        q.setArray(1, c.createArrayOf("varchar", agencies));
        q.setArray(2, c.createArrayOf("varchar", nonces));
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
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
      return found;
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
