package id.saksi.core.domain.ledger;

import id.saksi.core.crypto.Ed25519PublicKey;
import id.saksi.core.crypto.KeyId;
import id.saksi.core.domain.AggregateKind;
import id.saksi.core.domain.JsonFields;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.RecordParseException;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.caseflow.CaseState;
import id.saksi.core.domain.catalogue.Catalogue;
import id.saksi.core.domain.instrument.InstrumentState;
import id.saksi.core.domain.pact.PactState;
import id.saksi.core.domain.registry.GenesisCommand;
import id.saksi.core.domain.registry.KeyNotValidException;
import id.saksi.core.domain.registry.KeyRegistry;
import id.saksi.core.domain.registry.RegistryState;
import id.saksi.core.domain.rule.Context;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The domain state of a whole ledger, for a replay in ledger order (the verifier, tests, tools):
 * the registry (agencies, keys, catalogues) and the state of every instrument, pact and case.
 *
 * <p>Two steps per entry: {@link #decide} judges a submission and changes nothing; {@link #commit}
 * applies an accepted outcome. A writer that must not change state until its own transaction
 * commits calls them separately; a verifier calls {@link #apply}. Not thread-safe: one replay, one
 * thread. The states of instruments, pacts and cases live in a {@link StateStore}: on the heap by
 * default, where memory grows with the number of aggregates (a closed case is about 3.5 KB), or
 * bounded with {@link StateStore#spilling}, which keeps the recently used ones and spills the rest
 * to a temporary file. The store never changes a decision: it returns exactly the state last
 * committed.
 */
public final class LedgerState implements AutoCloseable {
  private RegistryState registry = RegistryState.EMPTY;
  private final StateStore aggregates;
  private long lastCommitted = -1;

  /** An empty state, every aggregate's state on the heap. */
  public LedgerState() {
    this(StateStore.inMemory());
  }

  /** An empty state whose aggregates' states live in {@code store}, which it then owns. */
  public LedgerState(StateStore store) {
    this.aggregates = Objects.requireNonNull(store, "store");
  }

  /** The registry: agencies, keys, adopted catalogues. */
  public RegistryState registry() {
    return registry;
  }

  /** The key registry, for signature checks. */
  public KeyRegistry keys() {
    return registry.keys();
  }

  /** The catalogue in force for the next entry, if one has been adopted. */
  public Optional<Catalogue> catalogue() {
    return registry.catalogue();
  }

  /** The state of an aggregate, if it exists. */
  public Optional<Object> state(Subject subject) {
    if (subject.kind() == AggregateKind.REGISTRY) {
      return Optional.of(registry);
    }
    return Optional.ofNullable(aggregates.get(subject));
  }

  /** The state of a case, if it exists. */
  public Optional<CaseState> caseState(Subject subject) {
    return state(subject).filter(CaseState.class::isInstance).map(CaseState.class::cast);
  }

  /** The state of an instrument, if it exists. */
  public Optional<InstrumentState> instrumentState(Subject subject) {
    return state(subject)
        .filter(InstrumentState.class::isInstance)
        .map(InstrumentState.class::cast);
  }

  /** The state of a pact, if it exists. */
  public Optional<PactState> pactState(Subject subject) {
    return state(subject).filter(PactState.class::isInstance).map(PactState.class::cast);
  }

  /**
   * Every instrument, pact and case state, by subject (the registry excluded): a copy, read back
   * from the store (for tests and tools; a spilling store reads its whole file).
   */
  public Map<Subject, Object> aggregates() {
    Map<Subject, Object> all = new HashMap<>();
    aggregates.forEach(all::put);
    return Collections.unmodifiableMap(all);
  }

  /** How many instruments, pacts and cases have a state. */
  public long aggregateCount() {
    return aggregates.size();
  }

  /** Closes the state store (a spilling store deletes its file). */
  @Override
  public void close() {
    aggregates.close();
  }

  /** The position of the last committed entry, or -1 before genesis. */
  public long lastCommitted() {
    return lastCommitted;
  }

  /**
   * The public key that must have signed {@code s}: the key the genesis body registers for entry 0
   * (the registrar signs its own genesis), otherwise the registry's key, valid for the agency at
   * the entry's position (DESIGN.md invariant 4).
   */
  public Ed25519PublicKey signingKey(Submission s)
      throws KeyNotValidException, RecordParseException {
    if (s.position().equals(Position.GENESIS) && registry.isEmpty()) {
      if (!s.type().equals(GenesisCommand.TYPE)) {
        throw new RecordParseException(
            "type", "is " + s.type() + "; entry 0 of a ledger is " + GenesisCommand.TYPE);
      }
      GenesisCommand g = GenesisCommand.read(JsonFields.of(s.body(), "body"));
      if (!KeyId.of(g.publicKey()).equals(s.key())) {
        throw new KeyNotValidException(
            s.key(),
            s.agency(),
            s.position(),
            KeyNotValidException.Reason.UNKNOWN,
            "the genesis registers key " + KeyId.of(g.publicKey()) + " and must be signed with it");
      }
      return g.publicKey();
    }
    return registry.keys().require(s.key(), s.agency(), s.position());
  }

  /** The context a submission is judged in: its facts, the registry and the catalogue in force. */
  public Context context(Submission s) {
    return new Context(
        s.position(),
        s.issuedAt(),
        s.agency(),
        registry.agency(s.agency()),
        s.key(),
        registry,
        registry.catalogueAt(s.position()));
  }

  /**
   * Judges {@code s}; changes nothing.
   *
   * @throws RecordParseException if the type, subject or body does not follow its schema
   * @throws IllegalArgumentException if {@code s} is not after the last committed entry
   */
  public Outcome decide(Submission s) throws RecordParseException {
    if (s.position().value() <= lastCommitted) {
      throw new IllegalArgumentException(
          "position " + s.position() + " is not after the last committed entry " + lastCommitted);
    }
    ParsedRecord record = DomainModel.parse(s.type(), s.subject(), s.body());
    Object current =
        record.subject().kind() == AggregateKind.REGISTRY
            ? registry
            : aggregates.get(record.subject());
    return DomainModel.decide(current, record, context(s));
  }

  /** Applies an accepted outcome that {@link #decide} returned for the next entry. */
  public void commit(Outcome.Accepted accepted) {
    if (accepted.position().value() <= lastCommitted) {
      throw new IllegalArgumentException(
          "position " + accepted.position() + " was already committed");
    }
    if (accepted.subject().kind() == AggregateKind.REGISTRY) {
      registry = (RegistryState) accepted.newState();
    } else {
      aggregates.put(accepted.subject(), accepted.newState());
    }
    lastCommitted = accepted.position().value();
  }

  /** Decides {@code s} and, if accepted, commits it. */
  public Outcome apply(Submission s) throws RecordParseException {
    Outcome o = decide(s);
    if (o instanceof Outcome.Accepted) {
      commit((Outcome.Accepted) o);
    }
    return o;
  }
}
