package id.saksi.api.write;

import id.saksi.core.ParseException;
import id.saksi.core.domain.Position;
import id.saksi.core.domain.Subject;
import id.saksi.core.domain.ledger.DomainModel;
import id.saksi.core.domain.ledger.Outcome;
import id.saksi.core.domain.ledger.ParsedRecord;
import id.saksi.core.domain.registry.RegistryState;
import id.saksi.core.domain.rule.Context;
import id.saksi.core.domain.validation.AgencyCode;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.Statement;
import id.saksi.core.json.NotCanonicalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this service instance knows of the ledger between appends: the registry (agencies, keys,
 * catalogues) as of the ledger size it last saw. Other instances append to the same database, so
 * before each append, under the head's lock, {@link #catchUp} reads the entries committed since:
 * their registry records move the registry on, and the aggregates they touched are dropped from
 * this instance's aggregate cache, so that the next command loads them with those events (a stale
 * cached aggregate would otherwise judge a step against an old state).
 *
 * <p>Only the sequencer uses it, holding its lock; {@link #registry()} may be read by any thread.
 */
final class LedgerContext {
  private static final Logger log = LoggerFactory.getLogger(LedgerContext.class);

  /**
   * Past this many entries by other instances, dropping every cached aggregate and reading only the
   * registry's records is cheaper than reading every subject.
   */
  static final long MAX_SUBJECTS_TO_EVICT = 10_000;

  private static final String REGISTRY_RECORDS =
      "SELECT idx, leaf FROM ledger_entry WHERE subject = 'registry' AND idx >= ? AND idx < ?"
          + " ORDER BY idx";
  private static final String SUBJECTS =
      "SELECT idx, subject, CASE WHEN subject = 'registry' THEN leaf END FROM ledger_entry"
          + " WHERE idx >= ? AND idx < ? ORDER BY idx";

  private final Cache aggregateCache;
  private volatile RegistryState registry = RegistryState.EMPTY;
  // The ledger size the registry is as of; -1 until the ledger was first read.
  private long seen = -1;

  LedgerContext(Cache aggregateCache) {
    this.aggregateCache = aggregateCache;
  }

  /** The registry as last seen; for checks before the lock (public keys never change by id). */
  RegistryState registry() {
    return registry;
  }

  /**
   * Brings the registry up to {@code size} entries and drops the aggregates other instances
   * changed. Called with the head locked, so nothing commits meanwhile.
   *
   * @return the registry as of {@code size}
   */
  RegistryState catchUp(Connection connection, long size) throws SQLException {
    if (seen == size) {
      return registry;
    }
    RegistryState r = seen < 0 ? RegistryState.EMPTY : registry;
    long from = Math.max(seen, 0);
    if (seen < 0 || size - seen > MAX_SUBJECTS_TO_EVICT || size < seen) {
      if (seen >= 0) {
        aggregateCache.removeAll();
        log.atInfo()
            .addKeyValue("from", seen)
            .addKeyValue("to", size)
            .log(
                "Other writers appended entries {} to {}: cleared the aggregate cache", seen, size);
      }
      if (size < seen) {
        // Never expected: the ledger does not shrink. Start over rather than trust the cache.
        from = 0;
        r = RegistryState.EMPTY;
      }
      try (PreparedStatement q = connection.prepareStatement(REGISTRY_RECORDS)) {
        q.setLong(1, from);
        q.setLong(2, size);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            r = apply(r, rows.getLong(1), rows.getBytes(2));
          }
        }
      }
    } else {
      int evicted = 0;
      try (PreparedStatement q = connection.prepareStatement(SUBJECTS)) {
        q.setLong(1, from);
        q.setLong(2, size);
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            aggregateCache.remove(rows.getString(2));
            evicted++;
            byte[] leaf = rows.getBytes(3);
            if (leaf != null) {
              r = apply(r, rows.getLong(1), leaf);
            }
          }
        }
      }
      log.atDebug()
          .addKeyValue("from", from)
          .addKeyValue("to", size)
          .addKeyValue("evicted", evicted)
          .log("Caught up with entries {} to {} appended by other writers", from, size);
    }
    registry = r;
    seen = size;
    return r;
  }

  /** Records what this instance itself committed: the registry after it, and the new size. */
  void committed(RegistryState after, long size) {
    registry = after;
    seen = size;
  }

  /**
   * The registry after committed registry entry {@code index}: decided again by the domain, which
   * must accept it, since it was accepted when appended.
   */
  private static RegistryState apply(RegistryState registry, long index, byte[] leaf) {
    try {
      Statement s = Entry.parse(leaf).statement();
      ParsedRecord record = DomainModel.parse(s.type(), s.subject(), s.body());
      Position position = Position.of(index);
      AgencyCode agency = AgencyCode.parse(s.agency());
      Context ctx =
          new Context(
              position,
              s.issuedAt(),
              agency,
              registry.agency(agency),
              s.key(),
              registry,
              registry.catalogueAt(position));
      if (!record.subject().equals(Subject.REGISTRY)) {
        throw new IllegalStateException("entry " + index + " is not a registry record");
      }
      Outcome outcome = DomainModel.decide(registry, record, ctx);
      if (!outcome.accepted()) {
        throw new IllegalStateException(
            "committed entry "
                + index
                + " is a registry record the domain now refuses ("
                + outcome.rejection().orElseThrow()
                + "); the ledger and this service's domain rules disagree");
      }
      return (RegistryState) ((Outcome.Accepted) outcome).newState();
    } catch (ParseException | NotCanonicalException e) {
      throw new IllegalStateException(
          "committed entry " + index + " cannot be read: " + e.getMessage(), e);
    }
  }
}
