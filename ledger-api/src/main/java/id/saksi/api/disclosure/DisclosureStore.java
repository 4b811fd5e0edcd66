package id.saksi.api.disclosure;

import id.saksi.api.problem.Problem;
import id.saksi.api.problem.ProblemException;
import id.saksi.api.problem.ProblemType;
import id.saksi.api.write.TransactionStep;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The restricted store of personal data (table {@code personal_disclosure}) and the record of what
 * was erased from it ({@code disclosure_erasure}). Only {@link DisclosureController} reads it, and
 * only after the read is in the ledger.
 */
public final class DisclosureStore {
  private final JdbcTemplate jdbc;

  /** A store over the service's database. */
  public DisclosureStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The claim names of the disclosures stored with entry {@code index}, sorted. */
  public List<String> fields(long index) {
    return jdbc.queryForList(
        "SELECT field FROM personal_disclosure WHERE entry_idx = ? ORDER BY field",
        String.class,
        index);
  }

  /** The disclosures of {@code fields} still stored with entry {@code index}, by claim name. */
  public Map<String, String> read(long index, List<String> fields) {
    Map<String, String> out = new LinkedHashMap<>();
    jdbc.query(
        c -> {
          PreparedStatement q =
              c.prepareStatement(
                  "SELECT field, disclosure FROM personal_disclosure"
                      + " WHERE entry_idx = ? AND field = ANY(?) ORDER BY field");
          q.setLong(1, index);
          q.setArray(2, c.createArrayOf("varchar", fields.toArray()));
          return q;
        },
        (ResultSet r) -> {
          out.put(r.getString(1), r.getString(2));
        });
    return out;
  }

  /** Whether entry {@code index} exists in the ledger. */
  public boolean entryExists(long index) {
    Integer n =
        jdbc.queryForObject(
            "SELECT count(*) FROM ledger_entry WHERE idx = ?", Integer.class, index);
    return n != null && n > 0;
  }

  /** The claim names of entry {@code index} whose disclosures were erased, sorted. */
  public List<String> erasedFields(long index) {
    return jdbc.queryForList(
        "SELECT field FROM disclosure_erasure WHERE entry_idx = ? ORDER BY field",
        String.class,
        index);
  }

  /** The erasure record's position, if disclosures of entry {@code index} were erased. */
  public Optional<Long> erasedBy(long index) {
    List<Long> found =
        jdbc.queryForList(
            "SELECT max(erasure_idx) FROM disclosure_erasure WHERE entry_idx = ?"
                + " HAVING count(*) > 0",
            Long.class,
            index);
    return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
  }

  /**
   * The step that erases {@code fields} of entry {@code index} in the transaction appending the
   * erasure record: it deletes exactly those rows and notes them as erased by that record. If any
   * of them is gone already (another erasure came first), it throws, and the record is not appended
   * either.
   */
  public TransactionStep eraseStep(long index, List<String> fields) {
    return (c, indexes) -> {
      long erasure = indexes.get(0);
      Set<String> deleted = new TreeSet<>();
      try (PreparedStatement d =
          c.prepareStatement(
              "DELETE FROM personal_disclosure WHERE entry_idx = ? AND field = ANY(?)"
                  + " RETURNING field")) {
        Array names = c.createArrayOf("varchar", fields.toArray());
        d.setLong(1, index);
        d.setArray(2, names);
        try (ResultSet r = d.executeQuery()) {
          while (r.next()) {
            deleted.add(r.getString(1));
          }
        }
      }
      if (!deleted.equals(new TreeSet<>(fields))) {
        List<String> missing = new ArrayList<>(new TreeSet<>(fields));
        missing.removeAll(deleted);
        throw new ProblemException(
            Problem.of(
                    ProblemType.DISCLOSURES_ERASED,
                    "the disclosures "
                        + missing
                        + " of entry "
                        + index
                        + " were erased by another request meanwhile; nothing was recorded")
                .with("entry", index));
      }
      try (PreparedStatement i =
          c.prepareStatement(
              "INSERT INTO disclosure_erasure (entry_idx, field, erasure_idx)"
                  + " SELECT ?, f, ? FROM unnest(?::varchar[]) AS f")) {
        i.setLong(1, index);
        i.setLong(2, erasure);
        i.setArray(3, c.createArrayOf("varchar", fields.toArray()));
        i.executeUpdate();
      }
    };
  }
}
