package id.saksi.verifier.db;

import id.saksi.core.ParseException;
import id.saksi.core.VerificationException;
import id.saksi.core.entry.Entry;
import id.saksi.core.entry.StatementSignature;
import id.saksi.core.json.CanonicalJson;
import id.saksi.core.verify.Check;
import id.saksi.core.verify.Failure;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The cross-check of the service's event store with its ledger (DESIGN.md invariant 1): every entry
 * has exactly one event and every event exactly one entry, joined by the event identifier the entry
 * names; the events are in the event store's order (global index) as the entries are in the
 * ledger's; and each event records the entry's statement: the same index, subject, statement and
 * signatures, on the aggregate the subject names, at the next sequence number of that aggregate.
 *
 * <p>Why these fields: the service's storage engine writes, in one transaction, one Axon event per
 * accepted statement ({@code StatementRecordedEvent}: index, subject, statement, signatures and the
 * domain events) and the ledger entry built from the same statement at the same index, naming the
 * event. Aggregates are rebuilt from the events, so an event changed, added or removed in SQL
 * changes what the service decides next without changing the ledger; this check finds it. The
 * domain events inside the payload are derived by deciding the statement, which the ledger
 * verification already replays, so they are not compared.
 *
 * <p>One streamed query: a full join of the entries below the checkpoint's size with every event,
 * in entry order, events without an entry last. Events of entries recorded after the checkpoint are
 * left out (they have an entry).
 */
final class EventCrossCheck {
  /** The payload type of the one event an entry records, as Axon stores it. */
  static final String STATEMENT_EVENT = "id.saksi.api.domain.StatementRecordedEvent";

  private static final String QUERY =
      "SELECT e.idx, e.leaf, e.event_identifier, d.eventidentifier, d.globalindex,"
          + " d.aggregateidentifier, d.sequencenumber, d.payloadtype, d.payload"
          + " FROM (SELECT idx, leaf, event_identifier FROM ledger_entry WHERE idx < ?) e"
          + " FULL JOIN domainevententry d ON d.eventidentifier = e.event_identifier"
          + " WHERE e.idx IS NOT NULL OR NOT EXISTS"
          + " (SELECT 1 FROM ledger_entry x WHERE x.event_identifier = d.eventidentifier)"
          + " ORDER BY e.idx NULLS LAST, d.globalindex";

  private final Findings findings;
  private final Map<String, Long> nextSequence = new HashMap<>();
  private long previousGlobal = -1;
  private long previousIndex = -1;
  private long events;

  private EventCrossCheck(Findings findings) {
    this.findings = findings;
  }

  /**
   * Runs the check over the entries below {@code size} on {@code connection}.
   *
   * @return the number of entry-event pairs compared
   */
  static long run(Connection connection, long size, Findings findings) throws SQLException {
    EventCrossCheck check = new EventCrossCheck(findings);
    connection.setAutoCommit(false);
    connection.setReadOnly(true);
    try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
      ps.setFetchSize(512);
      ps.setLong(1, size);
      try (ResultSet rs = ps.executeQuery()) {
        while (!findings.full() && rs.next()) {
          check.row(rs);
        }
      }
    } finally {
      connection.rollback();
    }
    return check.events;
  }

  private void row(ResultSet rs) throws SQLException {
    long idx = rs.getLong(1);
    boolean hasEntry = !rs.wasNull();
    String eventId = rs.getString(4);
    if (!hasEntry) {
      orphan(eventId, rs.getLong(5), rs.getString(6), rs.getBytes(9));
      return;
    }
    if (eventId == null) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event "
                  + rs.getString(3)
                  + " is not in the event store: the entry has no event (a row deleted or"
                  + " changed in SQL)"));
      return;
    }
    events++;
    long global = rs.getLong(5);
    if (global <= previousGlobal) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event's global index is not after the event of entry "
                  + previousIndex
                  + ": the event store's order is not the ledger's",
              "above " + previousGlobal,
              global));
    }
    previousGlobal = global;
    previousIndex = idx;
    compare(idx, rs.getBytes(2), eventId, rs.getString(6), rs.getLong(7), rs.getString(8), rs);
  }

  private void orphan(String eventId, long global, String aggregate, byte[] payload) {
    String what =
        "event "
            + eventId
            + " (global index "
            + global
            + ", aggregate "
            + aggregate
            + ") is in the event store but no ledger entry records it (a row inserted or"
            + " changed in SQL)";
    try {
      JsonNode index = CanonicalJson.parse(payload).get("index");
      if (index != null && index.canConvertToLong()) {
        findings.add(Failure.at(index.longValue(), Check.EVENTS, what));
        return;
      }
    } catch (ParseException | RuntimeException e) {
      // No index to report it at: a failure of the whole.
    }
    findings.add(Failure.global(Check.EVENTS, what));
  }

  private void compare(
      long idx,
      byte[] leaf,
      String eventId,
      String aggregate,
      long sequence,
      String payloadType,
      ResultSet rs)
      throws SQLException {
    Entry entry;
    try {
      entry = Entry.parse(leaf);
    } catch (ParseException | VerificationException e) {
      // The ledger verification reports the leaf; there is no statement to compare with.
      return;
    }
    String subject = entry.statement().subject();
    long expectedSequence = nextSequence.getOrDefault(subject, 0L);
    nextSequence.put(subject, expectedSequence + 1);
    if (!STATEMENT_EVENT.equals(payloadType)) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " is not a recorded statement",
              STATEMENT_EVENT,
              payloadType));
      return;
    }
    if (!subject.equals(aggregate)) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " belongs to another aggregate than the entry's subject",
              subject,
              aggregate));
    } else if (sequence != expectedSequence) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " is not the next event of " + subject,
              "sequence number " + expectedSequence,
              "sequence number " + sequence));
    }
    JsonNode payload;
    try {
      payload = CanonicalJson.parse(rs.getBytes(9));
    } catch (ParseException e) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " has a payload that is not JSON: " + e.getMessage()));
      return;
    }
    JsonNode index = payload.get("index");
    if (index == null || !index.canConvertToLong() || index.longValue() != idx) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " records another ledger index",
              idx,
              index == null ? "none" : index.toString()));
      return;
    }
    JsonNode statement = payload.get("statement");
    byte[] recorded =
        statement == null || !statement.isObject()
            ? new byte[0]
            : CanonicalJson.canonicalize(statement);
    byte[] signed = entry.statement().canonicalBytes();
    if (!Arrays.equals(recorded, signed)) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " records another statement than the entry",
              abbreviate(new String(signed, StandardCharsets.UTF_8)),
              abbreviate(new String(recorded, StandardCharsets.UTF_8))));
      return;
    }
    JsonNode eventSubject = payload.get("subject");
    if (eventSubject == null || !subject.equals(eventSubject.asString())) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " records another subject",
              subject,
              eventSubject == null ? "none" : eventSubject.toString()));
      return;
    }
    String want = signatures(entry.signatures());
    JsonNode sigs = payload.get("signatures");
    String got =
        sigs == null
            ? "none"
            : new String(CanonicalJson.canonicalize(sigs), StandardCharsets.UTF_8);
    if (!want.equals(got)) {
      findings.add(
          Failure.at(
              idx,
              Check.EVENTS,
              "its event " + eventId + " records other signatures than the entry",
              abbreviate(want),
              abbreviate(got)));
    }
  }

  /** The entry's signatures as the event stores them, canonical: {@code [{"key","sig"}...]}. */
  private static String signatures(List<StatementSignature> signatures) {
    StringBuilder sb = new StringBuilder("[");
    for (StatementSignature s : signatures) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("{\"key\":\"")
          .append(s.key().hex())
          .append("\",\"sig\":\"")
          .append(s.signatureBase64())
          .append("\"}");
    }
    return sb.append(']').toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
